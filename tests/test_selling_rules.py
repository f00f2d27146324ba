"""Selling rules: pricing, the listing checklist, what refused parcels cost."""
import math

import pytest

from fadaa.widgets.selling import channels, examples, listing, pricing


# -- pricing
def cushion(**changes):
    figures = dict(name="Coussin", materials=120, hours=5, hourly_rate=20, packaging=10, delivery=0,
                   cod_fee=15, return_rate=10, return_cost=50)
    figures.update(changes)
    return pricing.make_costs(**figures)


def test_every_cost_is_counted():
    parts = pricing.cost_parts(cushion())
    assert parts == {"materials": 120, "labour": 100, "packaging": 10, "delivery": 0, "cod_fee": 15, "returns": 5}
    assert pricing.total_cost(cushion()) == 250


def test_covering_price_takes_the_commission_on_the_selling_price():
    platform = pricing.make_platform("X", commission=15, fixed_fee=5)
    price = pricing.covering_price(250, platform)
    assert price == 300
    # what the platform keeps at that price leaves exactly the cost
    assert price - pricing.platform_share(price, platform) == 250
    # "cost + 15 %" is not enough: the platform takes 15 % of the bigger price
    naive = 250 * 1.15
    assert naive - pricing.platform_share(naive, platform) < 250


def test_profit_is_covered_too():
    platform = pricing.make_platform("X", 10, 0)
    assert pricing.covering_price(90, platform, profit=18) == 120


def test_no_commission_no_fee_is_the_cost():
    assert pricing.covering_price(250, pricing.make_platform("Own shop", 0, 0)) == 250


@pytest.mark.parametrize("commission", [100, 100.0, 150])
def test_commission_of_100_percent_or_more_is_refused_with_a_reason(commission):
    with pytest.raises(pricing.PricingError) as refused:
        pricing.make_platform("X", commission, 0)
    assert refused.value.reason == "commission_too_high"


def test_a_hand_built_platform_with_full_commission_is_refused_too():
    with pytest.raises(pricing.PricingError) as refused:
        pricing.covering_price(100, pricing.Platform("X", 100, 0))
    assert refused.value.reason == "commission_too_high"


@pytest.mark.parametrize("field, value, reason", [
    ("materials", -1, "negative"), ("hours", float("nan"), "not_a_number"), ("packaging", True, "not_a_number"),
    ("materials", 10**9, "too_large"), ("return_rate", 100, "return_rate_too_high"),
    ("return_rate", 120, "too_large"), ("hourly_rate", "20", "not_a_number")])
def test_bad_figures_are_refused_with_a_reason(field, value, reason):
    with pytest.raises(pricing.PricingError) as refused:
        cushion(**{field: value})
    assert (refused.value.reason, refused.value.field) == (reason, field)


def test_negative_commission_is_refused():
    with pytest.raises(pricing.PricingError) as refused:
        pricing.make_platform("X", -5, 0)
    assert refused.value.reason == "negative"


def test_zero_hours_is_allowed_but_warned():
    product = cushion(hours=0)
    assert pricing.labour(product) == 0
    assert pricing.total_cost(product) == 150
    assert pricing.warnings(product) == ["no_hours"]
    assert pricing.warnings(cushion(hourly_rate=0)) == ["no_hourly_rate"]
    assert pricing.warnings(cushion()) == []


@pytest.mark.parametrize("price, rounded", [
    (0, 0), (7.2, 8), (19.01, 20), (20, 20), (21, 25), (300, 300), (300.0000001, 300), (335.29, 340),
    (999.5, 1000), (1001, 1050), (1250, 1250), (199.99, 200)])
def test_rounding_goes_up_to_a_sensible_price(price, rounded):
    assert pricing.round_price(price) == rounded
    assert pricing.round_price(price) >= price - 1e-6


def test_price_line_margin_at_the_rounded_and_at_a_chosen_price():
    platform = pricing.make_platform("X", 15, 5)
    line = pricing.price_line(cushion(), platform)
    assert (line.cost, line.covering, line.price, line.platform, line.margin) == (250, 300, 300, 50, 0)
    chosen = pricing.price_line(cushion(), platform, price=340)
    assert (chosen.platform, chosen.margin) == (56, 34)
    assert chosen.margin_percent == 10.0
    loss = pricing.price_line(cushion(), platform, price=250)
    assert loss.margin < 0


def test_costs_and_platform_survive_json():
    product, platform = cushion(profit=12), pricing.make_platform("Site", 12.5, 3)
    assert pricing.ProductCosts.from_json(product.to_json()) == product
    assert pricing.Platform.from_json(platform.to_json()) == platform


def test_worked_example_figures():
    assert examples.example_cost() == 250
    assert examples.example_covering_price() == 300


# -- listing
def test_checklist_scores_one_point_per_item():
    assert len(listing.KEYS) == 10
    full = listing.score(listing.KEYS)
    assert (full.points, full.total, full.missing, full.level) == (10, 10, (), listing.READY)
    empty = listing.score([])
    assert empty.points == 0 and empty.level == listing.TO_IMPROVE and empty.missing == listing.KEYS


def test_levels_and_missing_in_checklist_order():
    eight = listing.score(listing.KEYS[:8])
    assert eight.level == listing.READY and eight.missing == listing.KEYS[8:]
    assert listing.score(listing.KEYS[:5]).level == listing.ALMOST
    assert listing.score(listing.KEYS[:4]).level == listing.TO_IMPROVE


def test_unknown_checklist_item_is_refused():
    with pytest.raises(listing.UnknownItem):
        listing.score(["title_clear", "free_gift"])


def test_example_listing_scores_four():
    assert examples.example_listing_points() == 4


@pytest.mark.parametrize("title, problems", [
    ("", ["empty"]), ("Tapis", ["too_short"]), ("TAPIS!!!", ["too_short", "all_capitals", "shouting"]),
    ("Coussin en laine brodé main, 40 x 40 cm", []), ("وسادة صوف مطرزة باليد", []),
    ("Tapis " * 20, ["too_long"])])
def test_title_checks(title, problems):
    assert listing.title_problems(title) == problems


@pytest.mark.parametrize("text", ["120 x 80 cm", "taille 40×40cm", "30 سم", "250 ml", "1,5 kg", "قطر 25 سم"])
def test_dimensions_are_found(text):
    assert listing.has_dimensions(text)


@pytest.mark.parametrize("text", ["", "Tapis en laine", "fait en 2024", "3 couleurs"])
def test_no_dimensions(text):
    assert not listing.has_dimensions(text)


def test_description_checks_and_suggested_ticks():
    assert listing.description_problems("") == ["empty"]
    assert listing.description_problems("Tapis en laine. 120 x 80 cm.") == ["too_short"]
    long_text = ("Ce coussin est brodé à la main par les femmes de la coopérative Nour, à Khénifra, "
                 "avec de la laine de mouton filée et teinte au henné. Il mesure 40 x 40 cm. "
                 "Il décore un salon ou une chambre et se lave à l'eau froide.")
    assert listing.description_problems(long_text) == []
    assert listing.suggested_ticks("Coussin en laine brodé main", long_text) == {"title_clear", "description", "dimensions"}
    assert listing.suggested_ticks("TAPIS!!!", "Tapis 120 x 80 cm") == {"dimensions"}


# -- refused parcels
def test_refusal_cost_of_the_worked_example():
    month = examples.EXAMPLE_MONTH
    assert channels.cost_per_refusal(month) == 63
    assert channels.refusal_cost(month) == 378 == examples.example_refusal_cost()
    assert channels.refusal_rate(month) == 15.0 == examples.example_refusal_rate()
    assert channels.cash_collected(month) == 34 * 250
    assert channels.left_after_delivery(month) == 34 * 250 - 34 * 35 - 378


def test_no_refusal_costs_nothing_and_nothing_sent_is_no_rate():
    month = channels.make_month(10, 0, 200, 30, 20, 5)
    assert channels.refusal_cost(month) == 0
    assert channels.refusal_rate(channels.make_month(0, 0, 200, 30, 20, 5)) == 0


@pytest.mark.parametrize("figures, reason", [
    ((10, 11, 200, 30, 20, 5), "more_refused_than_sent"), ((10.5, 1, 200, 30, 20, 5), "not_whole"),
    ((-1, 0, 200, 30, 20, 5), "negative"), ((10, 1, -200, 30, 20, 5), "negative"),
    ((10, 1, 200, math.inf, 20, 5), "not_a_number"), ((10**7, 1, 200, 30, 20, 5), "too_large")])
def test_impossible_months_are_refused(figures, reason):
    with pytest.raises(channels.ChannelError) as refused:
        channels.make_month(*figures)
    assert refused.value.reason == reason
