"""Her product photo (selling_5): what a marketplace rejects read from the pixels, a file that is no
photo or is 20 MB refused with a clear message that changes nothing, the photo kept in her home,
and her listing sheet with the photo and her lesson 2 listing, read back in both languages."""
import io
import re
import shutil

import numpy as np
import pytest
from PIL import Image, ImageFilter
from pypdf import PdfReader

from conftest import COURSE, REPO, pdf_text
from fadaa.core.answer_store import AnswerStore
from fadaa.widgets.lesson import Lesson
from fadaa.widgets.selling import photo, photo_examples, photo_view


def jpeg(image: Image.Image, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, **options)
    return buffer.getvalue()


def good() -> Image.Image:
    return Image.open(io.BytesIO(photo_examples.example_photo("good")))


def test_the_four_faults_are_found_and_a_good_photo_passes():
    assert photo.check(photo.open_photo(photo_examples.example_photo("good"))).problems == ()
    assert photo_examples.example_check("dark").problems == ("too_dark",)
    assert photo_examples.example_check("cluttered").problems == ("cluttered",)
    blurred = photo.check(photo.open_photo(jpeg(good().filter(ImageFilter.GaussianBlur(7)))))
    assert blurred.problems == ("blurred",)
    small = good().resize((500, 500))
    assert photo.check(photo.open_photo(jpeg(small))).problems == ("too_small",)
    # a slightly soft photo, and one lit from one side, are not refused
    assert photo.check(photo.open_photo(jpeg(good().filter(ImageFilter.GaussianBlur(1.2))))).problems == ()
    side = np.asarray(good(), dtype=np.float32) * np.linspace(1.0, 0.8, 1000)[None, :, None]
    assert photo.check(photo.open_photo(jpeg(Image.fromarray(side.astype(np.uint8))))).problems == ()


def test_a_cut_out_product_on_a_transparent_background_stands_on_white():
    cut_out = good().convert("RGBA")
    pixels = np.asarray(cut_out).copy()
    pixels[:, :] = 0  # transparent black, as cut-out tools leave it
    pixels[300:720, 280:720] = np.asarray(cut_out)[300:720, 280:720]  # only the cushion is opaque
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    check = photo.check(photo.open_photo(buffer.getvalue()))
    assert check.problems == () and check.brightness > 200


def test_a_photo_held_upright_is_measured_the_way_she_held_it():
    wide = good().resize((1600, 900))
    exif = Image.Exif()
    exif[0x0112] = 6  # the phone was turned: shown rotated by 90 degrees
    image = photo.open_photo(jpeg(wide, exif=exif))
    assert image.size == (900, 1600) and image.info["original_size"] == (900, 1600)


def test_the_kept_copy_is_smaller_and_says_nothing_of_where_it_was_taken():
    big = good().resize((4000, 3000))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (33.0, 35.0, 0.0)}  # GPS: where she lives
    check, kept = photo.check_file(jpeg(big, exif=exif))
    assert (check.width, check.height) == (4000, 3000)
    copy = Image.open(io.BytesIO(kept))
    assert copy.size == (1600, 1200) == (1600, photo_examples.example_kept_height())
    assert not copy.getexif()


@pytest.mark.parametrize("data,size,reason", [
    (b"%PDF-1.7 not a photo", None, "not_an_image"),
    ("Bonjour".encode() * 100, None, "not_an_image"),
    (b"", 0, "empty"),
    (b"", 20_000_000, "too_large"),          # what the page script sends for a 20 MB photo: its size only
    (b"\xff\xd8\xff" + bytes(20_000_000), None, "too_large"),  # sent whole by another client
])
def test_files_that_are_no_usable_photo_are_refused_with_a_reason(data, size, reason):
    with pytest.raises(photo.PhotoError) as refused:
        photo.check_file(data, size)
    assert refused.value.reason == reason


def test_a_cut_jpeg_and_a_gif_are_refused():
    whole = photo_examples.example_photo("good")
    with pytest.raises(photo.PhotoError, match="not_an_image"):
        photo.check_file(whole[: len(whole) // 3])
    buffer = io.BytesIO()
    good().save(buffer, format="GIF")
    with pytest.raises(photo.PhotoError, match="not_an_image"):
        photo.check_file(buffer.getvalue())


def test_the_page_script_sends_no_file_larger_than_the_lesson_reads():
    script = (REPO / "frontend" / "src" / "lesson.js").read_text()
    assert int(re.search(r"const MAX_UPLOAD_BYTES = (\d+);", script).group(1)) == photo.MAX_BYTES
    assert photo.MAX_BYTES < 10 * 1024 * 1024  # tornado's websocket message limit
    assert ".fa-camera::before" in (REPO / "frontend" / "src" / "lesson.css").read_text()


@pytest.fixture(params=["fr", "ar"])
def home(request, tmp_path):
    for folder, name in (("selling_2", "listing.ipynb"), ("selling_5", "photo.ipynb")):
        (tmp_path / folder).mkdir()
        shutil.copy(COURSE / "source" / folder / name, tmp_path / folder / name)
    return request.param, tmp_path


def lesson5(home) -> Lesson:
    lang, root = home
    return Lesson({"fr": "x", "ar": "x"}, lang, root / "selling_5" / "photo.ipynb")


def upload(step, data: bytes, size: int | None = None) -> None:
    """What the page sends when she picks a file: the state ipywidgets' FileUpload receives from the browser."""
    step.upload.set_state({"value": [{"name": "photo.jpg", "type": "image/jpeg",
                                      "size": len(data) if size is None else size,
                                      "content": memoryview(data), "last_modified": 1764460800000}]})


MESSAGES = {"fr": {"dark": "Trop sombre", "large": "trop gros", "not_image": "pas une photo lisible",
                   "good": "Bonne photo", "kept": "gardée dans vos documents"},
            "ar": {"dark": "مظلمة جداً", "large": "كبير جداً", "not_image": "ليس صورة", "good": "صورة جيدة",
                   "kept": "محفوظة في وثائقكم"}}


def test_her_photo_is_checked_kept_and_not_lost_to_a_bad_file(home, monkeypatch):
    lang, root = home
    words = MESSAGES[lang]
    step = photo_view.PhotoStep(lesson5(home))
    upload(step, photo_examples.example_photo("dark"))
    assert words["dark"] in step.feedback.value and words["kept"] in step.feedback.value
    assert step.upload.value == ()  # the file does not stay in the page
    kept = root / "documents" / ("photo_produit.jpg" if lang == "fr" else "surat_al_muntaj.jpg")
    dark_copy = kept.read_bytes()
    upload(step, photo_examples.example_photo("good"))
    assert words["good"] in step.feedback.value and kept.read_bytes() != dark_copy
    good_copy = kept.read_bytes()
    # a 20 MB photo (its size only: the page script does not send it) and a file that is no photo
    upload(step, b"", size=20_000_000)
    assert words["large"] in step.feedback.value and "fadaa-feedback-error" in step.feedback.value
    upload(step, b"%PDF-1.7")
    assert words["not_image"] in step.feedback.value
    assert kept.read_bytes() == good_copy and step.jpeg == good_copy  # nothing lost
    assert {"fr": "toujours là", "ar": "ما زالت موجودة"}[lang] in step.feedback.value
    assert len(step.shown.children) == 1  # her photo still shows
    monkeypatch.setattr(photo, "check", lambda _image: 1 / 0)  # a failure nobody foresaw
    upload(step, photo_examples.example_photo("dark"))
    assert words["not_image"] in step.feedback.value and kept.read_bytes() == good_copy
    saved = AnswerStore(root / "selling_5" / "photo.ipynb").load_data("photo")
    assert saved["file"] == kept.name and saved["problems"] == []
    again = photo_view.PhotoStep(lesson5(home))  # a reload of the page
    assert again.jpeg == good_copy and words["good"] in again.feedback.value


LISTING = {"fr": {"title": "Coussin en laine brodé main, 40 x 40 cm",
                  "description": "Brodé à la main par les femmes de la coopérative Nour.", "ticked": ["title_clear"]},
           "ar": {"title": "وسادة صوف مطرزة باليد، 40 x 40 سم",
                  "description": "طرزتها نساء تعاونية نور باليد.", "ticked": ["title_clear"]}}


def test_listing_sheet_holds_her_photo_and_her_lesson_2_listing(home):
    lang, root = home
    step = photo_view.PhotoStep(lesson5(home))
    text = pdf_text(step.listing_pdf())
    assert {"fr": "Pas encore de photo", "ar": "لا صورة بعد"}[lang] in text
    assert {"fr": "n'est pas encore écrite", "ar": "لم يُكتب بعد"}[lang] in text
    AnswerStore(root / "selling_2" / "listing.ipynb").save_data("listing", LISTING[lang])
    upload(step, photo_examples.example_photo("good"))
    data = step.listing_pdf()
    text = pdf_text(data)
    for word in ({"fr": "Fiche annonce", "ar": "بطاقة الإعلان"}[lang], LISTING[lang]["description"].rstrip(".")):
        assert word in text, word
    assert ("Coussin en laine brodé main" if lang == "fr" else "وسادة صوف مطرزة باليد") in text
    assert {"fr": "1 points sur 10", "ar": "لائحة المراجعة"}[lang] in text
    images = PdfReader(io.BytesIO(data)).pages[0].images
    assert len(images) == 1 and Image.open(io.BytesIO(images[0].data)).size == (1000, 1000)


def test_example_photos_say_what_the_check_found(home):
    view = photo_view.example_photos(lesson5(home), verdicts=True)
    captions = [card.children[1].value for card in view.children]
    assert [c[c.index("<b>") + 3] for c in captions] == ["A", "B", "C"]
    assert "🌙" in captions[0] and "✅" in captions[1] and "🧺" in captions[2]
    assert all(len(card.children[0].value) < 20_000 for card in view.children)  # small for a phone
