"""Rules: the content rules by family (``encoding``, ``values``, ``body``) run by ``runner`` (which also
parses a letter and runs them: ``check_submission``), their detectors (``legacy_encoding``,
``raw_html``) and the one automatic fix (``fixes``). What each rule id says lives in ``domain.catalogue``."""
