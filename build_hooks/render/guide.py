"""The guide page for agencies, "Hướng dẫn nộp báo cáo", generated from the same data the checker uses.

The key tables come from ``schema`` (like the JSON Schema export), the list of
errors from ``domain.catalogue.RULES``, the skeleton excerpt from ``skeleton``, the
indicator ids and project statuses from the newest round. Only the prose below
is written by hand.
"""
from __future__ import annotations

from build_hooks.domain.catalogue import MAX_BYTES, RULES
from build_hooks.domain.model import Corpus, Round
from build_hooks.domain.problems import ERROR
from build_hooks.load.schema import FRONT_MATTER, INDICATOR, PROJECT, SIGNER, Field
from build_hooks.pages import paths
from build_hooks.pages.fragments import Fragments
from build_hooks.pages.kinds import heading
from build_hooks.pages.markup import html_table, link
from build_hooks.render.skeleton import front_matter

PATH = "huong-dan/nop-bao-cao.md"

KINDS = {
    "text": "chữ", "integer": "số nguyên", "date": "ngày", "text-or-list": "chữ hoặc danh sách",
    "text-list": "danh sách", "tasks": "true hoặc danh sách số mục", "object": "nhóm khóa",
    "object-list": "danh sách nhóm khóa", "quantity": "số, khoảng hoặc chữ",
}

INTRO = """\
Mỗi văn bản trả lời là một tệp `submissions/<năm>/<mã-cơ-quan>.md`, mã hóa UTF-8 (Unicode dựng sẵn,
NFC), gồm hai phần: **thông tin văn bản** (front-matter YAML) giữa hai dòng `---`, rồi **nội dung**
bằng Markdown thường. Trang này được tạo tự động từ chính các định nghĩa mà bộ kiểm tra dùng, nên
luôn khớp với việc kiểm tra.
"""

EXAMPLE = """\
---
agency: so-xay-dung
year: 2023
number: 1234/SXD-QLXD
date: 15/12/2023
subject: báo cáo tình hình triển khai thực hiện Kế hoạch phát triển công nghiệp năm 2023
recipient: Sở Công Thương
signer:
  name: Nguyễn Văn A
  title: Phó Giám đốc
  on_behalf: KT. Giám đốc
cc:
  - Như trên
  - "Lưu: VT, QLXD"
no_assigned_tasks: [II.7]
indicators:
  - id: kcn-xu-ly-nuoc-thai
    value: "90,5"
    unit: "%"
---

Thực hiện Công văn số 3006/SCT-QLCN ngày 08/12/2023 của Sở Công Thương, Sở Xây dựng báo cáo như sau:

# II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU

## 5. Huy động và sử dụng hiệu quả các nguồn vật lực

### 5.2. Phát triển hạ tầng công nghiệp

Nội dung báo cáo của mục II.5.2 …

Sở Xây dựng báo cáo để Sở Công Thương tổng hợp./.
"""
"""A complete letter, for the guide; a test holds it to the checker (no problem at all)."""

NUMBERING = """\
## Đánh số tiêu đề

Tiêu đề bắt đầu bằng số mục của đề cương gắn phần nội dung sau nó (đến tiêu đề cùng cấp hoặc cấp
cao hơn tiếp theo) vào mục đó. Có hai cách viết, đều được chấp nhận.

**Số đầy đủ**, mỗi tiêu đề ghi cả số mục La Mã:

```markdown
## II.4.1. Huy động và sử dụng hiệu quả nguồn nhân lực

Nội dung mục II.4.1 …
```

**Số tương đối**, như văn bản hành chính thường viết: số La Mã ở tiêu đề lớn, số Ả Rập ở tiêu đề con.
Dưới `# V. …`, `## 1. …` là mục V.1 (mục V lặp lại các đề mục của mục II).

```markdown
# II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU

## 4. Huy động và sử dụng hiệu quả nguồn nhân lực …

### 4.1. Huy động và sử dụng hiệu quả nguồn nhân lực cho ngành công nghiệp

Nội dung mục II.4.1 …
```

Số tương đối phải khớp với tiêu đề cha: dưới `## 4.` viết `### 4.1.`, không viết `### 1.`. Tên mục sau
số có thể viết gọn hoặc bỏ trống, nhưng không được ghi tên của mục khác. Tiêu đề không có số là tiêu
đề phụ trong mục đang viết. Phần văn bản trước tiêu đề có số đầu tiên (mở đầu) và sau cùng (kết luận)
được giữ nguyên trên trang văn bản của cơ quan.

Nội dung chỉ dùng Markdown: đoạn văn cách nhau một dòng trống, `**đậm**`, `*nghiêng*`, danh sách
bắt đầu bằng `- `, bảng `| … | … |`. Không dùng thẻ HTML (`<b>`, `<br>`, `<script>` …): bộ kiểm tra báo lỗi.
"""

REVIEW = """\
## Kiểm tra và gửi bài

1. Sửa tệp của cơ quan mình (trên trình soạn thảo web của GitHub hoặc trên máy), rồi mở một
   *pull request*. Mỗi pull request chỉ sửa **một** tệp bài nộp của **một** cơ quan; không sửa kèm
   tệp nào khác (danh mục cơ quan, đề cương, mã nguồn). Nếu sửa nhiều hơn, bước kiểm tra "guard"
   báo lỗi và nêu những tệp cần tách sang pull request khác.
2. Hệ thống tự chạy bộ kiểm tra: lỗi hiện ngay trên dòng bị lỗi của tệp trong pull request, kèm cách
   sửa. Sửa rồi lưu lại (commit) vào cùng pull request; kiểm tra chạy lại.
3. Khi không còn lỗi, trang web xem trước được dựng và đính kèm pull request (mục *Artifacts*
   của lần chạy kiểm tra) để cơ quan xem văn bản hiển thị thế nào.
4. Người duyệt của cơ quan (nếu danh mục cơ quan có ghi) và cán bộ công nghệ thông tin của Sở
   Công Thương xem xét rồi hợp nhất (*merge*); trang web được cập nhật tự động.

Trên máy có Python, có thể tự kiểm tra trước khi gửi:

```sh
python -m build_hooks check submissions/2023/so-xay-dung.md
python -m build_hooks check --fix submissions/2023/so-xay-dung.md   # chuẩn hóa Unicode (NFC)
```

Mỗi vấn đề một dòng: `đường-dẫn:dòng:cột: lỗi: nội dung (cách sửa) [mã-lỗi]`, hoặc `… cảnh báo: …`;
cảnh báo cũng phải sửa trước khi hợp nhất.
"""


WORD = """\
## Nộp bằng tệp Word

Phần này dành cho cán bộ của Sở nhận văn bản của cơ quan qua thư điện tử hoặc hệ thống quản lý văn bản,
dưới dạng tệp Word (`.docx`), PDF có lớp chữ hoặc văn bản thuần (`.txt`). Không cần gõ lại: lệnh `import`
đọc phần đầu văn bản theo Nghị định 30/2020 (số, ngày, trích yếu, loại văn bản, Kính gửi), phần cuối (Nơi
nhận, khối chữ ký với các dòng TM./KT./TL./TUQ./Q.) và phần nội dung (tiêu đề đánh số, kể cả số tự động
của Word, danh sách, bảng, chú thích), rồi ghi thành tệp bài nộp:

```sh
python -m build_hooks import ~/Downloads/thu-den/
python -m build_hooks import ~/Downloads/bao-cao-ban-dan-toc.docx --agency ban-dan-toc --year 2023
```

Lệnh nhận cả thư mục (mọi tệp `.docx`, `.pdf`, `.txt` trong đó) và tự nhận ra cơ quan gửi từ phần đầu văn
bản (tên cơ quan theo danh mục, mã trong số văn bản) và năm từ ngày văn bản; `--agency`, `--year` chỉ dùng
khi nhập một tệp. Văn bản không nhận ra được cơ quan thì không ghi, lệnh nêu các cơ quan gần giống nhất.
Nhập nhiều tệp thì cuối cùng có một bảng tổng hợp: tệp, cơ quan, năm, số đoạn giữ được, số dòng cần xem.

Với mỗi văn bản, lệnh in ra những gì đã nhận ra và đếm số đoạn đã chuyển (`38/38 đoạn`: không đoạn nào bị bỏ sót), rồi
kiểm tra tệp vừa ghi như `check --strict` và liệt kê **từng dòng cần sửa tay** kèm số dòng trong tệp mới:
hình ảnh, biểu đồ, hộp văn bản (không chuyển được thành chữ), thông tin không tìm thấy, nội dung sau chữ ký
(phụ lục). Mã thoát (của văn bản kém nhất): 0 là tệp đã đạt, 1 là đã ghi nhưng cần sửa, 2 là không đọc
được tệp gốc hoặc không nhận ra cơ quan. Tệp đã có thì không bị ghi đè, trừ khi thêm `--force`.

- Số văn bản để trống phần số được giữ như in (`/BDT-CSDT`); ngày để trống được ghi `mm/yyyy`.
- Chữ in hoa của khối chữ ký được viết lại theo định dạng: `KT. TRƯỞNG BAN` → `KT. Trưởng ban`,
  `PHÓ CHỦ TỊCH` → `Phó Chủ tịch`; hai dòng thẩm quyền (`TM. Ủy ban nhân dân`, `KT. Chủ tịch`) thành
  danh sách `on_behalf`.
- Báo cáo, tờ trình, kế hoạch …: khóa `kind` ghi loại văn bản; công văn thì không cần khóa này.
- PDF quét (ảnh, không có lớp chữ) không nhập được: cần nhận dạng ký tự (OCR) trước, hoặc xin cơ quan
  gửi tệp Word. Tệp `.doc` cũ: mở bằng Word rồi lưu thành `.docx`.

Luôn đối chiếu tệp đã nhập với văn bản gốc trước khi gửi pull request; không đặt tệp Word hay PDF vào
thư mục `submissions/` (bộ kiểm tra báo lỗi `unexpected-file` và nhắc lệnh `import`).
"""


def _key_table(fields: tuple[Field, ...], frags: Fragments, prefix: str = "") -> str:
    rows = [[f"{prefix}{f.name}", "có" if f.required else "",
             "một trong: " + ", ".join(f.choices) if f.choices else KINDS[f.kind], f.doc,
             f.example if f.example and "`" not in f.example else ""] for f in fields]
    return frags.add(html_table(["Khóa", "Bắt buộc", "Kiểu", "Ý nghĩa", "Ví dụ"], rows, code=(0, 4)))


def _keys(frags: Fragments) -> str:
    out = ["## Thông tin văn bản (front-matter)\n",
           "Khóa nào không có trong bảng đều bị báo lỗi (kèm gợi ý nếu gõ nhầm). Khóa không bắt buộc có thể "
           "để trống hoặc xóa.\n", _key_table(FRONT_MATTER, frags)]
    for title, fields, key in (("Người ký", SIGNER, "signer"), ("Mỗi chỉ tiêu", INDICATOR, "indicators"),
                               ("Mỗi dự án", PROJECT, "projects")):
        out += [f"\n### {title} (`{key}`)\n", _key_table(fields, frags)]
    out.append('\nSố liệu viết kiểu Việt Nam: dấu phẩy thập phân, dấu chấm phân cách hàng nghìn (`"1.234,5"`, '
               '`"9,5"`), khoảng (`"8 - 9"`), cận (`"> 63"`), hoặc bằng chữ. Đơn vị (`%`, `tỷ đồng`) ghi ở khóa '
               '`unit`, không ghi cùng con số.\n')
    return "\n".join(out)


def _round_lists(rnd: Round, frags: Fragments) -> str:
    out = [f"### Mã chỉ tiêu của đợt báo cáo năm {rnd.year}\n"]
    out.append(frags.add(html_table(["Mã (<code>id</code>)", "Chỉ tiêu", "Đơn vị"],
                                    [[i.id, i.name, i.unit] for i in rnd.indicators], code=(0,))))
    if rnd.project_statuses:
        out.append("\nTình trạng dự án (`status`): " + ", ".join(f"`{s}`" for s in rnd.project_statuses) + ".\n")
    return "\n".join(out)


def _skeleton(corpus: Corpus, rnd: Round) -> str:
    agency = corpus.registry.get(rnd.expected[0]) if rnd.expected else corpus.registry.agencies[0]
    return (f"## Lấy tệp mẫu\n\nLệnh sau tạo tệp `submissions/{rnd.year}/{agency.id}.md` có sẵn mọi khóa (kèm chú "
            f"thích) và mọi tiêu đề của đề cương, đánh số tương đối; chỉ cần điền nội dung, xóa tiêu đề của mục "
            f"không báo cáo:\n\n```sh\npython -m build_hooks new {agency.id} --year {rnd.year}\n```\n\n"
            f"Phần đầu của tệp mẫu:\n\n```yaml\n{front_matter(agency, rnd)}```\n")


def _word_skeletons(corpus: Corpus, rnd: Round) -> str:
    """Links to the Word skeleton of each agency asked to answer in the newest round (``site/plan.word_skeletons``)."""
    agencies = [a for a in (corpus.registry.get(i) for i in rnd.expected) if a is not None]
    if not agencies:
        return ""
    items = "\n".join(f"- {link(a.name, paths.rel(PATH, paths.word_skeleton(rnd.year, a.id)))}" for a in agencies)
    return (f"## Mẫu văn bản Word năm {rnd.year}\n\nCơ quan soạn văn bản bằng Word tải mẫu của mình dưới đây: phần đầu "
            "theo Nghị định 30/2020, mỗi mục của đề cương là một tiêu đề (kiểu Heading) có số và tên mục, dưới mỗi "
            "tiêu đề là một dòng gợi ý in nghiêng. Viết nội dung dưới từng tiêu đề (dòng gợi ý còn sót được tự bỏ "
            "khi nhập), điền số, ngày, người ký, rồi gửi lại tệp `.docx` cho Sở.\n\n" + items + "\n")


def _errors(frags: Fragments) -> str:
    rows = [[r.id, "lỗi" if r.severity == ERROR else "cảnh báo", r.what, r.fix] for r in RULES if r.guide]
    return (f"## Lỗi thường gặp và cách sửa\n\nMã lỗi ghi trong ngoặc vuông ở cuối mỗi dòng báo lỗi. Tệp lớn hơn "
            f"{MAX_BYTES // 1048576} MiB bị từ chối.\n\n"
            + frags.add(html_table(["Mã lỗi", "Mức", "Ý nghĩa", "Cách sửa"], rows, code=(0,))))


def render_guide(corpus: Corpus, frags: Fragments) -> str:
    """The guide "Hướng dẫn nộp báo cáo", generated from the schema, the rule catalogue and the newest round.

    Its tables are HTML fragments: Python-Markdown spent two thirds of the page's time on them.
    """
    rnd = corpus.rounds[0]
    example = f"## Ví dụ một văn bản\n\n````markdown\n{EXAMPLE}````\n"
    return "\n".join([f"# {heading('guide')}\n", INTRO, _skeleton(corpus, rnd), _keys(frags), _round_lists(rnd, frags),
                      NUMBERING, example, WORD, _word_skeletons(corpus, rnd), _errors(frags), REVIEW])
