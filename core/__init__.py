"""What every part of Fadaa uses and that imports nothing of Fadaa's: languages (``i18n``), documents
(PDF, DOCX, XLSX), reading typed numbers (``checking``), paths and settings. A leaf: it imports no
other Fadaa package and no widget."""
