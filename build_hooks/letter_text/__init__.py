"""Letter text: an agency's Markdown converted to HTML once (``convert``) and cleaned by the one
allowlist sanitiser (``sanitize``). Below every stage that shows letter text: pages, the Sở's
documents and the search index all take it from here."""
