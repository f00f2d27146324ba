"""The lesson kit's stylesheet: what every Fadaa page (lesson, home, dashboard) looks like.

Apart from ``lesson.py`` so that a page built without a kernel (her home, sent by the lesson
service) uses it without importing ipywidgets."""

# Kept with the kit (not only in the Voilà template) so a lesson reads the same in JupyterLab.
LESSON_CSS = """
.fadaa { font-size: 18px; line-height: 1.6; max-width: 46em; margin: 0 auto; }
.fadaa-rtl { direction: rtl; text-align: right; }
.fadaa-rtl .widget-slider, .fadaa-rtl .slider-container, .fadaa-rtl input { direction: ltr; }
.fadaa-rtl .fadaa-number-input input { text-align: left; }
.fadaa h1 { font-size: 1.6em; margin: 0.3em 0; }
.fadaa-steps .jupyter-button, .fadaa-steps .widget-toggle-button { font-size: 17px; min-height: 48px; }
.fadaa-dots { margin: 0.5em 0; }
.fadaa-dot { display: inline-block; width: 14px; height: 14px; border-radius: 50%;
             background: #c9c9c9; margin: 0 4px; }
.fadaa-dot-on { background: #1976d2; }
.fadaa-step { padding: 0.5em 0 1em 0; }
.fadaa-listen { display: flex; align-items: center; gap: 0.6em; margin: 0.2em 0 0.4em 0; }
.fadaa-play { width: 64px; height: 64px; border-radius: 50%; border: none; background: #1565c0; color: #fff;
  font-size: 30px; line-height: 64px; padding: 0; cursor: pointer; }
.fadaa-play.fadaa-playing { background: #0d47a1; }
.fadaa-machine-voice { font-size: 0.85em; color: #555; }
.fadaa-prompt { font-weight: 600; margin: 0.6em 0 0.3em 0; }
.fadaa-voice-prompt { font-weight: 600; margin: 0.8em 0 0.2em 0; }
.fadaa-free-text textarea { min-height: 8em; font-size: inherit; }
.fadaa-feedback { font-size: 1.05em; margin-top: 0.4em; padding: 0.4em 0.6em; border-radius: 6px; }
.fadaa-feedback-right { background: #e6f4ea; }
.fadaa-feedback-wrong, .fadaa-feedback-error { background: #fdecea; }
.fadaa-feedback-saved { background: #e8f0fe; }
.fadaa table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.95em; }
.fadaa th, .fadaa td { border-bottom: 1px solid #ddd; padding: 4px 8px; }
.fadaa .num { text-align: right; white-space: nowrap; unicode-bidi: isolate; direction: ltr; }
.fadaa-source { font-size: 0.85em; color: #555; margin-top: 0.4em; }
.fadaa-source summary { cursor: pointer; min-height: 32px; }
.fadaa-worked-text { background: #fff8e1; padding: 0.4em 0.6em; border-radius: 6px; margin-top: 0.4em; }
.fadaa-chart img, img.fadaa-chart { max-width: 100%; height: auto; }
.fadaa-scroll { overflow-x: auto; max-width: 100%; }
.fadaa-wide { font-size: 0.9em; }
.fadaa-big { font-size: 1.3em; }
/* Her own words (a title, a product name) follow their own script's direction, whatever the page's;
   checklist lines wrap instead of being cut on a phone. */
.fadaa-text-input input, .fadaa-text-input textarea { unicode-bidi: plaintext; text-align: start; direction: inherit; }
.fadaa-checklist-box label { white-space: normal !important; overflow: visible !important;
                             text-overflow: clip !important; height: auto !important; }
"""


def scrolling(table_html: str, small: bool = False) -> str:
    """A table wider than a phone scrolls sideways instead of being cut off; ``small`` for many columns."""
    return f'<div class="fadaa-scroll{" fadaa-wide" if small else ""}">{table_html}</div>'
