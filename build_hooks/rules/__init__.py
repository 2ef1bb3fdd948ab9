"""Rules: the catalogue of every problem id (``catalogue``), the content rules by family
(``encoding``, ``values``, ``body``) run by ``runner``, their detectors (``legacy_encoding``,
``raw_html``) and the one automatic fix (``fixes``)."""
