# Django Interview Prep: F expressions
# Topic: ORM Queries with F and Q  (Django Prep: Open Topic shows the explanation)
# Run it: python3 f_expressions.py     Each numbered task below prints ✓ when it passes.
#
# Write the five functions under "Your code" so that the database does the work: F("field")
# refers to a column's value inside SQL. No loops over rows in Python, no read-modify-write.
# Functions that return rows must return a lazy QuerySet. The checks call your functions,
# count the queries they send (one each) and look at the database afterwards.

# {{django-setup}}

from decimal import Decimal

from django.db import connection, models
from django.db.models import F, QuerySet
from django.test.utils import CaptureQueriesContext


class Product(models.Model):
    name = models.CharField(max_length=50, unique=True)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    stock = models.IntegerField(default=0)   # units we have bought in
    sold = models.IntegerField(default=0)    # units customers have bought from us
    views = models.IntegerField(default=0)   # product page views

    class Meta:
        app_label = "practice"


class OrderLine(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="lines")
    price = models.DecimalField(max_digits=8, decimal_places=2)  # unit price at order time
    quantity = models.IntegerField()

    class Meta:
        app_label = "practice"


# ---- Your code ---------------------------------------------------------------

def record_view(product_id):
    """Add 1 to the product's `views` with a single UPDATE query, safe under concurrent requests."""
    # TODO 1: no get() + save(): let the database add 1 (filter(...).update(...) with F).
    # UPDATE product SET views = views + 1 WHERE id = ...: no Python copy to go stale.
    Product.objects.filter(pk=product_id).update(views=F("views") + 1)


def lines_with_total():
    """Return a QuerySet of all OrderLines, each with a `total` attribute = price * quantity."""
    # TODO 2: annotate() with an expression built from two F() objects.
    # Decimal * integer resolves to a DecimalField; wrap it in ExpressionWrapper(...,
    # output_field=DecimalField()) if your Django version asks for an output_field.
    return OrderLine.objects.annotate(total=F("price") * F("quantity"))


def oversold():
    """Return a QuerySet of the Products that have sold more units than they have in stock."""
    # TODO 3: compare two columns of the same row (sold > stock) in filter().
    return Product.objects.filter(sold__gt=F("stock"))


def by_revenue():
    """Return a QuerySet of all Products ordered by revenue (price * sold), highest first,
    and by name (A-Z) when the revenue is equal."""
    # TODO 4: order by an expression (annotate it first, or use (expression).desc()).
    return Product.objects.annotate(revenue=F("price") * F("sold")).order_by("-revenue", "name")


def sell(product_id, units):
    """Sell `units` of a product if enough are still available (stock - sold >= units).

    On success add `units` to `sold` and return True; otherwise change nothing and return
    False. Use ONE conditional UPDATE, so two buyers can never both get the last unit."""
    # TODO 5: put the availability check into the filter; update() returns the number of rows.
    # UPDATE ... SET sold = sold + units WHERE id = ... AND stock >= sold + units
    updated = Product.objects.filter(pk=product_id, stock__gte=F("sold") + units).update(
        sold=F("sold") + units)
    return updated == 1

# {{checks}}
