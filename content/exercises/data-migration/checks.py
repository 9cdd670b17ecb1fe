# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------
import atexit
import os
import shutil
import sys
import tempfile

_MIGRATIONS = {
    "0001_initial": '''
class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.CreateModel(name="Customer", fields=[
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("full_name", models.CharField(blank=True, max_length=200)),
        ("email", models.EmailField(max_length=254)),
    ])]
''',
    "0002_customer_name_parts": '''
class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]
    operations = [
        migrations.AddField("customer", "first_name", models.CharField(blank=True, default="", max_length=100)),
        migrations.AddField("customer", "last_name", models.CharField(blank=True, default="", max_length=100)),
    ]
''',
    "0003_split_full_name": f'''
from {__name__} import Migration  # yours, from the practice file
''',
    "0004_remove_customer_full_name": '''
class Migration(migrations.Migration):
    dependencies = [("shop", "0003_split_full_name")]
    operations = [migrations.RemoveField("customer", "full_name")]
''',
    "0005_customer_loyalty_tier": '''
class Migration(migrations.Migration):
    dependencies = [("shop", "0004_remove_customer_full_name")]
    operations = [migrations.AddField("customer", "loyalty_tier", models.IntegerField(default=0))]
''',
}
_APP = "djprep_shop"


def _write_shop_app():
    """The shop app as files, as Django needs them: the migration loader lists the migrations folder."""
    root = tempfile.mkdtemp(prefix="djprep-shop-")
    atexit.register(shutil.rmtree, root, True)
    package = os.path.join(root, _APP)
    os.makedirs(os.path.join(package, "migrations"))
    files = {
        "__init__.py": "",
        "apps.py": ("from django.apps import AppConfig\n\n\nclass ShopConfig(AppConfig):\n"
                    f"    name = {_APP!r}\n    label = 'shop'\n    default_auto_field = 'django.db.models.BigAutoField'\n"),
        "migrations/__init__.py": "",
        **{f"migrations/{name}.py": "from django.db import migrations, models\n" + body for name, body in _MIGRATIONS.items()},
    }
    for name, text in files.items():
        with open(os.path.join(package, name), "w", encoding="utf-8") as out:
            out.write(text)
    sys.path.insert(0, root)


@contextmanager
def _shop(*rows):
    """The shop app installed, its table gone and its migration history empty, then 0001 applied and `rows` inserted."""
    if not any(p.startswith(tempfile.gettempdir()) and os.path.isdir(os.path.join(p, _APP)) for p in sys.path):
        _write_shop_app()
    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, f"{_APP}.apps.ShopConfig"]):
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS shop_customer")
            cursor.execute("DELETE FROM django_migrations WHERE app = 'shop'")
        _migrate("0001_initial")
        _insert(rows)
        yield


def _insert(rows):
    with connection.cursor() as cursor:
        columns = [c.name for c in connection.introspection.get_table_description(cursor, "shop_customer")]
        for row in rows:
            row = {k: v for k, v in row.items() if k in columns}
            cursor.execute(f"INSERT INTO shop_customer ({', '.join(row)}) VALUES ({', '.join(['%s'] * len(row))})",
                           list(row.values()))


def _migrate(target=None):
    """The real command: python manage.py migrate shop [target]."""
    try:
        call_command("migrate", "shop", *([target] if target else []), verbosity=0, interactive=False)
    except IrreversibleError as error:
        raise AssertionError(f"migrate shop {target} (backwards): {error}; give RunPython a reverse function")
    except NotImplementedError:
        raise
    except Exception as error:
        advice = ""
        if "loyalty_tier" in str(error) or "full_name" in str(error):
            advice = (" (the migration used the Customer class of this file, whose columns do not exist at 0003; "
                      "load it with apps.get_model('shop', 'Customer'))")
        raise AssertionError(f"migrate shop {target or '(latest)'} failed: {type(error).__name__}: {error}{advice}")


def _rows(*columns):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT email, {', '.join(columns)} FROM shop_customer ORDER BY id")
        return {row[0]: tuple(row[1:]) for row in cursor.fetchall()}


def _updates(ctx):
    return [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith('UPDATE "SHOP_CUSTOMER"')]


_NAMES = {"Ada Lovelace": ("Ada", "Lovelace"), "  Grace   Hopper ": ("Grace", "Hopper"),
          "Guido van Rossum": ("Guido", "van Rossum"), "Cher": ("Cher", ""), "": ("", "")}


def _differences(want, got):
    wrong = [f"{key}: expected {want[key]}, got {got.get(key, 'no row')}" for key in want if got.get(key) != want[key]]
    return "; ".join(wrong[:3]) + ("; ..." if len(wrong) > 3 else "")


def _people():
    return [{"full_name": name, "email": f"c{i}@example.com"} for i, name in enumerate(_NAMES)]


@task(1, "split_name() splits a full name into first and last")
def check_split_name():
    for full, want in _NAMES.items():
        got = split_name(full)
        assert tuple(got) == want, f"split_name({full!r}) should be {want}, got {got!r}"


@task(2, "migrate forwards fills first_name and last_name")
def check_forwards():
    with _shop(*_people()):
        _migrate()
        got = {c.email: (c.first_name, c.last_name) for c in Customer.objects.order_by("id")}
        want = {f"c{i}@example.com": parts for i, parts in enumerate(_NAMES.values())}
        assert got == want, (f"after `migrate shop`, (first_name, last_name) are wrong: {_differences(want, got)}"
                             + (" (is RunPython(forwards, ...) in Migration.operations?)" if all(v == ("", "") for v in got.values()) else ""))


@task(3, "migrate backwards rebuilds full_name from the parts")
def check_backwards():
    with _shop(*_people()):
        _migrate()
        Customer.objects.create(first_name="Margaret", last_name="Hamilton", email="new@example.com")
        _migrate("0002_customer_name_parts")
        got = _rows("full_name")
        want = {"c0@example.com": ("Ada Lovelace",), "c1@example.com": ("Grace Hopper",), "c2@example.com": ("Guido van Rossum",),
                "c3@example.com": ("Cher",), "c4@example.com": ("",), "new@example.com": ("Margaret Hamilton",)}
        assert got == want, f"after `migrate shop 0002` (backwards from the latest) full_name is wrong: {_differences(want, got)}"


@task(4, "the backfill writes in batches, both ways")
def check_batches():
    many = [{"full_name": f"Customer Number{i}", "email": f"bulk{i}@example.com"} for i in range(300)]
    with _shop(*many):
        _migrate("0002_customer_name_parts")
        with CaptureQueriesContext(connection) as ctx:
            _migrate("0003_split_full_name")
        got = _rows("first_name", "last_name")
        assert got.get("bulk299@example.com") == ("Customer", "Number299") and len(got) == 300, \
            f"the 300 customers were not all migrated, e.g. bulk299 became {got.get('bulk299@example.com')}"
        sent = _updates(ctx)
        assert len(sent) <= 10, (f"forwards sent {len(sent)} UPDATE statements for 300 customers; one per row is slow on a "
                                 f"big table and holds locks longer: collect them and bulk_update(..., batch_size=...)")
        with CaptureQueriesContext(connection) as ctx:
            _migrate("0002_customer_name_parts")
        sent = _updates(ctx)
        assert len(sent) <= 10, f"backwards sent {len(sent)} UPDATE statements for 300 customers; batch them too"


@task(5, "rows that new code already filled keep their values")
def check_leaves_filled_rows():
    with _shop(*_people()):
        _migrate("0002_customer_name_parts")
        _insert([{"full_name": "Mary Ann Evans", "first_name": "Mary Ann", "last_name": "Evans", "email": "new1@example.com"},
                 {"full_name": "Vincent van Gogh", "first_name": "Vincent", "last_name": "van Gogh", "email": "new2@example.com"}])
        _migrate()
        got = {c.email: (c.first_name, c.last_name) for c in Customer.objects.order_by("id")}
        assert got.get("new1@example.com") == ("Mary Ann", "Evans"), (
            f"Mary Ann Evans signed up after 0002 and the new code stored ('Mary Ann', 'Evans'); the backfill changed "
            f"it to {got.get('new1@example.com')}: only fill rows whose first_name and last_name are both empty")
        assert got.get("c0@example.com") == ("Ada", "Lovelace"), \
            f"the older rows still need the backfill: Ada Lovelace became {got.get('c0@example.com')}"


if __name__ == "__main__":
    run_tasks()
