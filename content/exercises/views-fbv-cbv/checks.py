urlpatterns = [
    path("fbv/products/", product_collection),
    path("fbv/products/<int:pk>/", product_detail),
    path("cbv/products/", ProductCollectionView.as_view()),
    path("cbv/products/<int:pk>/", ProductDetailView.as_view()),
]


# {{task-runner}}

# ---- Checks (do not edit) ---------------------------------------------------
logging.getLogger("django.request").setLevel(logging.CRITICAL)  # expected 4xx/5xx stay quiet; tasks report them
client = Client()


def _check_collection(prefix, label):
    url = f"/{prefix}/products/"
    first = Product.objects.create(name=f"{label} notebook", price_cents=350)
    second = Product.objects.create(name=f"{label} pencil", price_cents=90)
    response = client.get(url)
    assert response.status_code == 200, f"GET {url}: expected status 200, got {response.status_code}"
    results = response.json().get("results")
    assert isinstance(results, list), f'GET {url}: expected {{"results": [...]}}, got {response.json()!r}'
    for product in (first, second):
        assert product_to_dict(product) in results, f"GET {url}: {product_to_dict(product)!r} is missing from results"
    ids = [item.get("id") for item in results]
    assert ids == sorted(ids), f"GET {url}: results should be ordered by id, got ids {ids}"

    created = client.post(url, {"name": f"  {label} stapler ", "price_cents": 1200}, content_type="application/json")
    assert created.status_code == 201, f"POST {url} (valid): expected status 201, got {created.status_code}"
    product = Product.objects.filter(pk=created.json().get("id")).first()
    assert product is not None, f"POST {url}: the response id {created.json().get('id')!r} is not a saved product"
    assert product.name == f"{label} stapler", f"POST {url}: expected the stripped name {label + ' stapler'!r}, saved {product.name!r}"
    assert created.json() == product_to_dict(product), f"POST {url}: expected {product_to_dict(product)!r}, got {created.json()!r}"

    count = Product.objects.count()
    invalid = client.post(url, {"name": " ", "price_cents": -5}, content_type="application/json")
    assert invalid.status_code == 400, f"POST {url} (invalid): expected status 400, got {invalid.status_code}"
    errors = invalid.json().get("errors")
    assert isinstance(errors, dict) and set(errors) == {"name", "price_cents"}, (
        f'POST {url} (invalid): expected {{"errors": {{...}}}} with keys name and price_cents, got {invalid.json()!r}')
    malformed = client.post(url, "{not json", content_type="application/json")
    assert malformed.status_code == 400, f"POST {url} (malformed JSON): expected status 400, got {malformed.status_code}"
    assert "body" in (malformed.json().get("errors") or {}), f'POST {url} (malformed JSON): expected an error under "body", got {malformed.json()!r}'
    assert Product.objects.count() == count, f"POST {url}: invalid requests must not create products"

    for method in ("put", "patch", "delete"):
        response = getattr(client, method)(url)
        assert response.status_code == 405, f"{method.upper()} {url}: expected status 405, got {response.status_code}"
    allowed = {m.strip() for m in response.get("Allow", "").split(",")}
    assert {"GET", "POST"} <= allowed, f"405 responses should list GET and POST in the Allow header, got {response.get('Allow')!r}"


def _check_detail(prefix, label):
    product = Product.objects.create(name=f"{label} mug", price_cents=800)
    url = f"/{prefix}/products/{product.pk}/"
    response = client.get(url)
    assert response.status_code == 200, f"GET {url}: expected status 200, got {response.status_code}"
    assert response.json() == product_to_dict(product), f"GET {url}: expected {product_to_dict(product)!r}, got {response.json()!r}"
    missing = f"/{prefix}/products/{Product.objects.order_by('-pk').first().pk + 1000}/"
    response = client.get(missing)
    assert response.status_code == 404, f"GET {missing} (no such product): expected status 404, got {response.status_code}"
    response = client.post(url, {}, content_type="application/json")
    assert response.status_code == 405, f"POST {url}: expected status 405, got {response.status_code}"


@task(1, "parse_product() cleans valid input and reports every error")
def check_parse_product():
    data, errors = parse_product(b'{"name": "  Desk lamp ", "price_cents": 2599}')
    assert errors == {}, f"valid body: expected no errors, got {errors!r}"
    assert data == {"name": "Desk lamp", "price_cents": 2599}, f"valid body: expected the cleaned data, got {data!r}"
    data, errors = parse_product(b'{"name": "   ", "price_cents": 0}')
    assert data is None, f"invalid body: expected data None, got {data!r}"
    assert set(errors) == {"name", "price_cents"}, f"expected errors for name and price_cents together, got {errors!r}"
    cases = [
        (b'{"price_cents": 5}', "name"),
        (b'{"name": 42, "price_cents": 5}', "name"),
        (b'{"name": "' + b"x" * 101 + b'", "price_cents": 5}', "name"),
        (b'{"name": "Pen"}', "price_cents"),
        (b'{"name": "Pen", "price_cents": "5"}', "price_cents"),
        (b'{"name": "Pen", "price_cents": 1.5}', "price_cents"),
        (b'{"name": "Pen", "price_cents": true}', "price_cents"),
        (b"not json", "body"),
        (b"", "body"),
        (b'["Pen", 5]', "body"),
    ]
    for body, field in cases:
        data, errors = parse_product(body)
        assert data is None and set(errors) == {field}, f"parse_product({body[:40]!r}): expected (None, errors for {field!r} only), got {(data, errors)!r}"


@task(2, "function view /fbv/products/: GET lists, POST creates or 400, others 405")
def check_fbv_collection():
    _check_collection("fbv", "FBV")


@task(3, "function view /fbv/products/<pk>/: 200, 404 when missing, 405 for POST")
def check_fbv_detail():
    _check_detail("fbv", "FBV")


@task(4, "class view /cbv/products/: same contract as task 2")
def check_cbv_collection():
    _check_collection("cbv", "CBV")


@task(5, "class view /cbv/products/<pk>/: same contract as task 3")
def check_cbv_detail():
    _check_detail("cbv", "CBV")


if __name__ == "__main__":
    run_tasks()
