"""Importing a letter received as Word, PDF or plain text into the submission format.

Readers (``docx_reader``, ``pdf_reader``, ``text_reader``) turn each format into the
neutral ``document`` model; ``frame`` recognises the Nghị định 30 header and footer;
``body`` turns the rest into Markdown; ``writer`` assembles the file; ``coverage``
proves that every source paragraph reached it. ``convert.read_document`` and
``convert.convert`` run them.
"""
