# ---- Checks (do not edit) ----------------------------------------------------
# The page is parsed with html.parser into a small tree: what a browser would build, not a
# search for strings. Text and attribute values come back unescaped, as a reader sees them.
import json as _json
from html.parser import HTMLParser as _HTMLParser

from django.test import Client as _Client
from django.utils.safestring import SafeData as _SafeData

NAME = 'Eve" onmouseover="alert(1)" <script>alert(2)</script> x onfocus=alert(3) autofocus'
BIO = 'Hi & welcome <img src=x onerror=alert(4)>\nsee </script><script>alert(5)</script> <!-- the end'
HEADLINE = '<b>Top</b> "contributor" & <script>alert(6)</script>'
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attr_list, self.parent, self.children = tag, attrs, parent, []
        self.attrs = dict(attrs)

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag, **attrs):
        found = []
        for child in self.children:
            if isinstance(child, _Node):
                if child.tag == tag and all(child.attrs.get(k.rstrip("_")) == v for k, v in attrs.items()):
                    found.append(child)
                found.extend(child.find_all(tag, **attrs))
        return found

    def where(self):
        node, names = self, []
        while node is not None and node.tag != "#document":
            names.append(node.tag)
            node = node.parent
        return " > ".join(reversed(names))


class _TreeBuilder(_HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = _Node("#document", [], None)

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent  # closes everything opened inside it, as browsers do

    def handle_data(self, data):
        self.current.children.append(data)


def _parse(html):
    builder = _TreeBuilder()
    builder.feed(str(html))
    builder.close()
    return builder.root


def _page(q="", **fields):
    profile = Profile.objects.create(**{"display_name": NAME, "bio": BIO, "headline": HEADLINE,
                                        "website": "https://example.com/eve?tab=1&lang=en", **fields})
    url = f"/profiles/{profile.pk}/"
    response = _Client().get(url, {"q": q} if q else {})
    assert response.status_code == 200, f"GET {url}: expected 200, got {response.status_code}"
    return _parse(response.content.decode()), profile


def _one(root, tag, what, **attrs):
    found = root.find_all(tag, **attrs)
    assert len(found) == 1, f"expected exactly one {what} in the page, found {len(found)}"
    return found[0]


def _elements_inside(node):
    return [c for c in node.children if isinstance(c, _Node)]


@task(1, "the name and the bio appear as text, with no element injected")
def check_text_is_escaped():
    root, _ = _page()
    for what, node in (("<title>", _one(root, "title", "<title>")), ("<h1>", _one(root, "h1", "<h1>"))):
        inside = [e.tag for e in _elements_inside(node)]
        assert not inside, f"the name put elements {inside} into {what}: do not mark user text safe (|safe)"
        assert node.text() == NAME, f"{what} should read exactly {NAME!r}, reads {node.text()!r}"
    bio = _one(root, "div", '<div class="bio">', class_="bio")
    inside = [e.tag for e in _elements_inside(bio)]
    assert inside == ["br"], (f"the bio div holds the elements {inside}; the bio's one line break should give one <br> "
                              f"and nothing else: keep autoescaping on (no {{% autoescape off %}}, no |safe)")
    assert bio.text() == BIO.replace("\n", ""), f"the bio should read {BIO!r} (line break as <br>), reads {bio.text()!r}"


@task(2, "the name in a form field stays one quoted attribute value")
def check_attribute_is_quoted():
    root, _ = _page()
    field = _one(root, "input", '<input name="display_name">', name="display_name")
    names = sorted(name for name, _ in field.attr_list)
    assert names == ["name", "type", "value"], (
        f"the name field has the attributes {names}: spaces in the unquoted value split it into new attributes "
        f"(onfocus, autofocus). Write value=\"{{{{ ... }}}}\" in quotes")
    assert field.attrs["value"] == NAME, f"the field's value should be exactly the name, got {field.attrs['value']!r}"


@task(3, "the website link allows only http and https URLs")
def check_safe_url():
    for bad in ("javascript:alert(7)", " JaVaScRiPt:alert(7)", "java\tscript:alert(7)", "data:text/html,<script>alert(7)</script>",
                "vbscript:msgbox(7)", "//evil.example/", "/relative/path", ""):
        assert safe_url(bad) == "", f"safe_url({bad!r}) should be \"\" (only http and https are allowed), got {safe_url(bad)!r}"
    good = "https://example.com/eve?tab=1&lang=en"
    assert safe_url(good) == good, f"safe_url({good!r}) should keep it, got {safe_url(good)!r}"
    got = safe_url("  HTTP://example.com/  ")
    assert got == "HTTP://example.com/", f"safe_url('  HTTP://example.com/  ') should strip the spaces and keep it, got {got!r}"
    root, _ = _page()
    link = _one(root, "a", '<a class="website">', class_="website")
    assert link.attrs.get("href") == good, f"the website link should point to {good!r}, points to {link.attrs.get('href')!r}"
    root, _ = _page(website="javascript:alert(7)")
    hrefs = [a.attrs.get("href") for a in root.find_all("a")]
    assert not any((h or "").strip().lower().startswith("javascript") for h in hrefs), (
        f"a javascript: website still became a link ({hrefs}): pass the URL through safe_url() in the view")


@task(4, "badge_html() builds HTML with format_html: the label stays text")
def check_format_html():
    badge = badge_html(HEADLINE, "gold")
    assert isinstance(badge, _SafeData), (
        f"badge_html() returned a plain {type(badge).__name__}: a template escapes it again and shows the tags as text; "
        f"return format_html(...), which is marked safe")
    spans = _parse(badge).find_all("span")
    assert len(spans) == 1 and not _elements_inside(spans[0]), (
        f"badge_html() should give one <span> with only text in it, got {badge!r}: the label must be escaped")
    assert spans[0].attrs.get("class") == "badge badge-gold" and spans[0].text() == HEADLINE, (
        f"expected <span class=\"badge badge-gold\"> reading {HEADLINE!r}, got {badge!r}")
    root, _ = _page()
    span = _one(root, "span", '<span class="badge badge-member">', class_="badge badge-member")
    assert span.text() == HEADLINE, f"on the page the badge should read {HEADLINE!r}, reads {span.text()!r}"


@task(5, "the page's data reaches JavaScript through json_script")
def check_json_script():
    root, profile = _page()
    scripts = root.find_all("script")
    data = [s for s in scripts if s.attrs.get("id") == "profile-data"]
    assert len(data) == 1 and data[0].attrs.get("type") == "application/json", (
        f"expected one <script id=\"profile-data\" type=\"application/json\"> (json_script), found "
        f"{[s.attrs for s in scripts]}")
    want = {"id": profile.pk, "name": NAME, "bio": BIO}
    try:
        got = _json.loads(data[0].text())
    except ValueError:
        raise AssertionError(f"the data script does not hold valid JSON: {data[0].text()[:120]!r}") from None
    assert got == want, f"the JSON should decode to {want}, got {got}"
    stray = [(s.where(), s.text()[:60]) for s in scripts if s not in data and (s.text().strip() or "src" not in s.attrs)]
    assert not stray, f"scripts that would run, made from user text: {stray}. \"</script>\" in a value ends a <script> early"


@task(6, "the highlight filter escapes the text it marks up")
def check_highlight_filter():
    root, _ = _page(q="alert")
    bio = _one(root, "div", '<div class="bio">', class_="bio")
    inside = [e.tag for e in _elements_inside(bio)]
    assert sorted(inside) == ["br", "mark", "mark"], (
        f"searching \"alert\" should add two <mark> elements to the bio and nothing else; it holds {inside}: "
        f"escape the text in highlight before marking the result safe (and keep autoescaping on: task 1)")
    assert [m.text() for m in bio.find_all("mark")] == ["alert", "alert"], "each <mark> should contain the search term"
    assert bio.text() == BIO.replace("\n", ""), f"the highlighted bio should still read {BIO!r}, reads {bio.text()!r}"
    root, _ = _page(q="&")
    bio = _one(root, "div", '<div class="bio">', class_="bio")
    assert [m.text() for m in bio.find_all("mark")] == ["&"] and bio.text() == BIO.replace("\n", ""), (
        f"searching \"&\" should mark the one \"&\" and leave the text as it was, got the text {bio.text()!r}: "
        f"escape the pieces between the matches, not the finished string")


if __name__ == "__main__":
    run_tasks()
