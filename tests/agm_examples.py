"""One cooperative's AGM, in French and Arabic, and the words each AGM document must hold: shared by
the PDF (test_agm_documents) and DOCX (test_documents_docx) tests."""
from fadaa.widgets.agm.records import Cooperative

COOP = {"fr": Cooperative("Tighza Argan", "Taroudant", 27, "Rachida Oubella", "Hanane Ait Said"),
        "ar": Cooperative("تيغزى للأركان", "تارودانت", 27, "رشيدة أوبلا", "حنان آيت سعيد")}
PLACE = {"fr": "Salle communale de Taroudant", "ar": "القاعة الجماعية بتارودانت"}
NAMES = {"fr": ["Rachida Oubella", "Hanane Ait Said", "Mina Bouzid"], "ar": ["رشيدة أوبلا", "حنان آيت سعيد", "مينة بوزيد"]}
WORDS = {  # document -> (French words, Arabic words) that must be in it
    "calendar": (["calendrier", "tribunal de première instance", "loi 112-12", "ODCO"],
                 ["رزنامة", "المحكمة الابتدائية", "112.12", "مكتب تنمية التعاون"]),
    "convocation": (["Convocation", "Ordre du jour", "une voix", "article 2"],
                    ["استدعاء", "جدول الأعمال", "صوت واحد", "المادة"]),
    "reports": (["Rapport moral", "Rapport financier", "Excédent", "Reporté"],
                ["التقرير الأدبي", "التقرير المالي", "فائض", "مرحّل"]),
    "attendance": (["Feuille de présence", "Signature", "Nom et prénom"],
                   ["ورقة الحضور", "التوقيع", "الاسم الكامل"]),
    "minutes": (["Procès-verbal", "Quorum", "atteint", "Adoptée", "Rejetée", "ODCO"],
                ["محضر", "النصاب", "مكتمل", "صودق عليه", "رُفض", "مكتب تنمية التعاون"]),
}
