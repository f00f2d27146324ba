"""What every part of Fadaa uses and that imports nothing of Fadaa's: languages (``i18n``), documents
(PDF, DOCX, XLSX), reading typed numbers (``checking``), the format of her saved answers and where
her things are in her home, paths and the site's settings, sound and where step recordings live.
A leaf: it imports no other Fadaa package and no widget."""
