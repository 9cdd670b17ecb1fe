# ---- Checks (do not edit) ----------------------------------------------------
# Fakes replace the three outside calls. They prove overlap with events (each waits for the
# other to start) and detect blocking by asking whether an event loop runs in their thread,
# so no check depends on how fast this machine is.
import threading as _threading
from unittest import mock as _mock

from asgiref.sync import async_to_sync as _async_to_sync
from django.core.exceptions import SynchronousOnlyOperation as _SynchronousOnlyOperation
from django.test import AsyncClient as _AsyncClient

logging.getLogger("django.request").setLevel(logging.CRITICAL)  # the tasks report errors instead
log.setLevel(logging.CRITICAL)  # the services the checks break on purpose stay quiet
_GIVE_UP = 1.5  # seconds a fake waits for its partner before it decides the calls ran one by one


class _Record:
    def __init__(self):
        self.started = {}  # name -> asyncio.Event, made in the loop that runs the view
        self.events = []
        self.at_response = []  # the events when the response came back
        self.on_loop = None

    def event(self, name):
        return self.started.setdefault(name, asyncio.Event())


def _fakes(record, price="ok", stock="ok"):
    """fetch_price/fetch_stock fakes: each says it started, then waits for the other one."""
    def make(name, partner, result, behaviour):
        async def fake(sku):
            record.events.append(f"{name} started")
            record.event(name).set()
            try:
                if behaviour == "hang":
                    await asyncio.sleep(30)
                if behaviour == "fail":
                    raise ConnectionError(f"{name} service is down")
                try:
                    await asyncio.wait_for(record.event(partner).wait(), _GIVE_UP)
                    record.events.append(f"{name} saw {partner} running")
                except asyncio.TimeoutError:
                    record.events.append(f"{name} waited alone")
                return result
            except asyncio.CancelledError:
                record.events.append(f"{name} cancelled")
                raise
        fake.__name__ = f"fetch_{name}"
        return fake

    def reviews(sku):
        try:
            asyncio.get_running_loop()
            record.on_loop = True  # called straight from async code: the whole loop waits for it
        except RuntimeError:
            record.on_loop = False  # a worker thread: the loop keeps serving everything else
        return ["Fake review."]

    return {"fetch_price": make("price", "stock", {"price_cents": 2500}, price),
            "fetch_stock": make("stock", "price", {"in_stock": 3}, stock),
            "fetch_reviews": reviews}


def _get(url, record, timeout=2.0, limit=6.0, **behaviour):
    """GET through the AsyncClient with the fakes and SERVICE_TIMEOUT = timeout in place;
    fails if the page takes over `limit` seconds."""
    async def go():
        response = await asyncio.wait_for(_AsyncClient().get(url), limit)
        record.at_response = list(record.events)  # async_to_sync cancels leftover tasks after this
        return response
    with _mock.patch.dict(globals(), {**_fakes(record, **behaviour), "SERVICE_TIMEOUT": timeout}):
        try:
            return _async_to_sync(go)()
        except asyncio.TimeoutError:
            raise AssertionError(f"GET {url} had no answer after {limit} s: a service that never answers must be "
                                 f"cut off after SERVICE_TIMEOUT (asyncio.wait_for)") from None
        except _SynchronousOnlyOperation as error:
            raise AssertionError(f"GET {url} raised SynchronousOnlyOperation ({error}): async code touched the ORM "
                                 f"directly; a lazy foreign key such as product.category counts too. Do all ORM work "
                                 f"in one function wrapped with sync_to_async") from None


def _product(sku):
    tools = Category.objects.get_or_create(name="Tools")[0]
    return Product.objects.get_or_create(sku=sku, defaults={"name": f"Hammer {sku}", "category": tools})[0]


def _body(response, url):
    assert response.status_code == 200, f"GET {url}: expected 200, got {response.status_code} {response.content[:200]!r}"
    return response.json()


@task(1, "product_page is async and reads the ORM through sync_to_async; unknown sku is 404")
def check_async_view_and_orm():
    assert asyncio.iscoroutinefunction(product_page), "product_page must be a coroutine function: write `async def product_page`"

    async def orm_straight_from_async():
        try:
            Product.objects.count()
        except _SynchronousOnlyOperation:
            return True
        return False
    assert _async_to_sync(orm_straight_from_async)(), "the ORM should refuse to run straight inside async code here"
    _product("A-1")
    url = "/products/A-1/"
    data = _body(_get(url, _Record()), url)
    want = {"sku": "A-1", "name": "Hammer A-1", "category": "Tools"}
    got = {key: data.get(key) for key in want}
    assert got == want, f"GET {url}: expected {want} in the JSON, got {data}"
    missing = _get("/products/NOPE/", _Record())
    assert missing.status_code == 404, f"GET /products/NOPE/ (no such sku): expected 404, got {missing.status_code}"


@task(2, "price and stock are fetched at the same time (asyncio.gather)")
def check_concurrent_calls():
    _product("B-2")
    url = "/products/B-2/"
    record = _Record()
    data = _body(_get(url, record), url)
    overlapped = {"price saw stock running", "stock saw price running"} <= set(record.events)
    assert overlapped, (f"the two calls did not overlap ({', '.join(record.events)}): one finished before the other "
                        f"started. Start both, then await them together with asyncio.gather")
    assert (data.get("price_cents"), data.get("in_stock")) == (2500, 3), (
        f"expected price_cents 2500 and in_stock 3 from the services, got {data.get('price_cents')!r} and {data.get('in_stock')!r}")
    assert data.get("partial") is False, f"all services answered, so partial should be false, got {data.get('partial')!r}"


@task(3, "a service slower than SERVICE_TIMEOUT is cancelled; the page is partial")
def check_timeout():
    _product("C-3")
    url = "/products/C-3/"
    record = _Record()
    data = _body(_get(url, record, timeout=0.2, price="hang"), url)
    assert "price cancelled" in record.at_response, (
        f"the price call never answers, but it was still running when the page was sent "
        f"({', '.join(record.at_response)}): "
        f"asyncio.wait_for(..., SERVICE_TIMEOUT) cancels what is still running when time is up")
    assert data.get("price_cents") is None and data.get("in_stock") == 3, (
        f"expected price_cents None (timed out) and in_stock 3, got {data.get('price_cents')!r} and {data.get('in_stock')!r}")
    assert data.get("partial") is True, f"a service timed out, so partial should be true, got {data.get('partial')!r}"


@task(4, "a failing service gives None and partial, not an error page")
def check_failure_is_isolated():
    _product("D-4")
    url = "/products/D-4/"
    record = _Record()
    try:
        response = _get(url, record, stock="fail")
    except ConnectionError as error:
        raise AssertionError(f"GET {url}: the stock service's ConnectionError ({error}) reached the client: catch "
                             f"it in call_service and return None") from None
    data = _body(response, url)
    assert data.get("in_stock") is None and data.get("price_cents") == 2500, (
        f"expected in_stock None (the service failed) and price_cents 2500, got {data.get('in_stock')!r} and {data.get('price_cents')!r}")
    assert data.get("partial") is True, f"a service failed, so partial should be true, got {data.get('partial')!r}"
    assert "price cancelled" not in record.at_response, "the price call was cancelled because the stock call failed"


@task(5, "the blocking reviews call runs in a worker thread, not on the event loop")
def check_blocking_call_off_loop():
    _product("E-5")
    url = "/products/E-5/"
    record = _Record()
    data = _body(_get(url, record), url)
    assert record.on_loop is not None, "fetch_reviews was never called"
    assert record.on_loop is False, (
        "fetch_reviews ran on the event loop's thread: while it blocks, no other request or await can proceed. "
        "Call it through sync_to_async(fetch_reviews, thread_sensitive=False)")
    assert data.get("reviews") == ["Fake review."], f"expected the reviews in the JSON, got {data.get('reviews')!r}"


if __name__ == "__main__":
    run_tasks()
