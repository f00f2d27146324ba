"""Documents a lesson leaves the learner with: XLSX workbooks and PDFs that shape Arabic."""
