"""The worked examples of the getting-paid lessons (selling_4 and selling_5).

The month of parcels is lesson 3's (``examples.EXAMPLE_MONTH``); the courier's fee, the carpet's
price and the advance are made up for the exercise, and the lesson says so.
"""
from __future__ import annotations

from . import examples, payments

# Lesson 4: lesson 3's month of parcels, with the fee the courier keeps on each parcel paid at the door.
EXAMPLE_COD_FEE = 10.0
# A carpet made to order and the share of its price the cooperative asks before weaving.
EXAMPLE_ORDER_PRICE = 1800.0
EXAMPLE_ADVANCE_PERCENT = 30.0


def example_cod_month_cost() -> float:
    return payments.cod_month_cost(examples.EXAMPLE_MONTH, EXAMPLE_COD_FEE)


def example_advance() -> float:
    return payments.advance(EXAMPLE_ORDER_PRICE, EXAMPLE_ADVANCE_PERCENT)
