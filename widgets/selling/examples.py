"""The worked examples of the selling lessons: one cushion, one listing, one month of parcels.

The example platform's rates are made up for the exercise: a real platform's rates are read in its
seller conditions, and they differ by platform and category.
"""
from __future__ import annotations

from . import channels, listing, pricing

# Lesson 1: a wool cushion embroidered by hand, sold on a marketplace.
EXAMPLE_PLATFORM = pricing.make_platform("Plateforme exemple", commission=15, fixed_fee=5)
EXAMPLE_SELLING_PRICE = 340.0


def example_cushion(lang: str = "fr") -> pricing.ProductCosts:
    name = "وسادة صوف مطرزة" if lang == "ar" else "Coussin en laine brodé"
    return pricing.make_costs(name, materials=120, hours=5, hourly_rate=20, packaging=10, delivery=0,
                              cod_fee=15, return_rate=10, return_cost=50)


def example_cost() -> float:
    return pricing.total_cost(example_cushion())


def example_covering_price() -> float:
    return pricing.covering_price(example_cost(), EXAMPLE_PLATFORM)


# Lesson 2: a listing with some of the checklist done.
EXAMPLE_LISTING = {
    "fr": {
        "title": "TAPIS!!!",
        "description": "Tapis en laine de mouton. 120 x 80 cm. Lavage à l'eau froide.",
        "photos": ["📷 Photo 1 : près de la fenêtre, à la lumière du jour.",
                   "📷 Photo 2 : la même photo de face, sur la table de la cuisine, la vaisselle derrière. Pas d'autre photo."],
        "delivery": "🚚 Livraison : 24 h partout au Maroc (le tapis se tisse en 3 semaines après la commande).",
    },
    "ar": {
        "title": "زربية!!!",
        "description": "زربية من صوف الغنم. 120 x 80 سم. تُغسل بالماء البارد.",
        "photos": ["📷 الصورة 1: قرب النافذة، في ضوء النهار.",
                   "📷 الصورة 2: نفس الصورة من الأمام، فوق طاولة المطبخ والأواني وراءها. لا توجد صورة أخرى."],
        "delivery": "🚚 التوصيل: 24 ساعة إلى كل المغرب (الزربية تُنسج في 3 أسابيع بعد الطلب).",
    },
}
EXAMPLE_LISTING_TICKS = frozenset({"dimensions", "materials", "photo_light", "care"})


def example_listing_points() -> int:
    return listing.score(EXAMPLE_LISTING_TICKS).points


# Lesson 3: a month of parcels paid on delivery.
EXAMPLE_MONTH = channels.make_month(sent=40, refused=6, price=250, delivery_out=35, delivery_back=20,
                                    packaging=8)


def example_refusal_cost() -> float:
    return channels.refusal_cost(EXAMPLE_MONTH)


def example_refusal_rate() -> float:
    return channels.refusal_rate(EXAMPLE_MONTH)
