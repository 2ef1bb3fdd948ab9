def test_real_site_has_the_seed_letter(real_site):
    html = real_site.page("2023/co-quan/ban-dan-toc/index.html")
    assert "Nguyễn Thế Nhân" in html
    assert "KT. TRƯỞNG BAN" in html
