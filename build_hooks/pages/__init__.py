"""What every generated page shares, below the stages that write pages: where each page lives and
how pages link (``paths``), the page table of kinds, titles and headings (``kinds``), HTML fragments
put back after MkDocs' Markdown pass (``fragments``) and escaping for generated Markdown and HTML
(``markup``)."""
