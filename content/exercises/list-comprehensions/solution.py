# Django Interview Prep: Comprehensions: Filter, Transform, Flatten
# Topic: List Comprehension  (Django Prep: Open Topic shows the explanation)
# Run it: python3 comprehensions.py     Each numbered task below prints ✓ when it passes.
#
# Each function receives order dicts like ORDERS below. Write each body as one comprehension
# (list, dict or set) or, for task 6, a generator expression: no append loops.
# Remember: a trailing `if` filters items out, `a if cond else b` before `for` transforms
# every item, and several `for` clauses read left to right like nested loops.
# The checks call each function on fresh data; task 6 also measures memory use.

# {{task-runner}}

ORDERS = [
    {"id": 1, "customer": "ann", "country": "gb", "status": "paid", "total": 120,
     "lines": [{"sku": "BOOK-1", "qty": 1}, {"sku": "PEN-2", "qty": 3}]},
    {"id": 2, "customer": "bob", "country": "FR", "status": "refunded", "total": 40,
     "lines": [{"sku": "MUG-7", "qty": 2}]},
    {"id": 3, "customer": "cy", "country": "fr", "status": "paid", "total": 75,
     "lines": [{"sku": "PEN-2", "qty": 1}]},
]


# TODO 1: paid_order_ids(orders) -> ids of the orders whose status is "paid", in input order.
#   Filter: [... for ... if ...]. With ORDERS: [1, 3].
def paid_order_ids(orders):
    return [order["id"] for order in orders if order["status"] == "paid"]


# TODO 2: size_labels(orders) -> one label per order: "large" when total >= 100, else "small".
#   Transform, keep every order: [a if cond else b for ...]. With ORDERS: ["large", "small", "small"].
def size_labels(orders):
    return ["large" if order["total"] >= 100 else "small" for order in orders]


# TODO 3: shipped_skus(orders) -> the sku of every line of every order, in order, skipping
#   lines whose qty is 0. Two `for` clauses (outer loop first) and an `if`.
#   With ORDERS: ["BOOK-1", "PEN-2", "MUG-7", "PEN-2"].
def shipped_skus(orders):
    return [line["sku"] for order in orders for line in order["lines"] if line["qty"] > 0]


# TODO 4: totals_by_id(orders) -> a dict {id: total} of the paid orders only.
#   Dict comprehension: {key: value for ... if ...}. With ORDERS: {1: 120, 3: 75}.
def totals_by_id(orders):
    return {order["id"]: order["total"] for order in orders if order["status"] == "paid"}


# TODO 5: countries(orders) -> the set of country codes, upper-cased, each once.
#   Set comprehension: {value for ...}. With ORDERS: {"GB", "FR"}.
def countries(orders):
    return {order["country"].upper() for order in orders}


# TODO 6: paid_revenue(orders) -> the sum of the totals of the paid orders. `orders` may be a
#   huge lazy stream (rows read one by one), so feed sum() a generator expression:
#   sum(x for ...), no square brackets, so no list of every total is built in memory.
#   With ORDERS: 195.
def paid_revenue(orders):
    return sum(order["total"] for order in orders if order["status"] == "paid")

# {{checks}}
