# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------
def _article(author, title, status="published", days_ago=1, deleted=False):
    now = timezone.now()
    article = Article(author=author, title=title, status=status,
                      published_at=None if days_ago is None else now - timedelta(days=days_ago))
    article.save()
    if deleted:
        _mark_deleted(article)
    return article


def _every_row():
    """A plain QuerySet: no manager of yours in the way, so it sees every row in the table."""
    return QuerySet(model=Article)


def _mark_deleted(article):
    _every_row().filter(pk=article.pk).update(deleted_at=timezone.now())


def _titles(queryset, prefix):
    return [article.title for article in queryset if article.title.startswith(prefix)]


def _one_query(make, what):
    """Builds a chain (no SQL allowed yet), evaluates it (one query), returns the rows."""
    with CaptureQueriesContext(connection) as built:
        queryset = make()
    assert isinstance(queryset, QuerySet), f"{what} should return a QuerySet, got {type(queryset).__name__}"
    assert not built.captured_queries, f"{what} ran SQL while being built; QuerySet methods must stay lazy (return self.filter(...))"
    with CaptureQueriesContext(connection) as ran:
        rows = list(queryset)
    assert len(ran.captured_queries) == 1, f"{what} should be one query, sent {len(ran.captured_queries)}"
    return rows


@task(1, "published() and by_author() chain in any order, lazily, in one query")
def check_published_by_author():
    ann, bob = Author.objects.create(name="t1-ann"), Author.objects.create(name="t1-bob")
    _article(ann, "t1 live")
    _article(ann, "t1 draft", status="draft", days_ago=None)
    _article(ann, "t1 scheduled", days_ago=-2)  # published_at is in two days
    _article(bob, "t1 bob's")
    cases = [
        ("Article.objects.published().by_author(ann)", lambda: Article.objects.published().by_author(ann), ["t1 live"]),
        ("Article.objects.by_author(ann).published()", lambda: Article.objects.by_author(ann).published(), ["t1 live"]),
        ("Article.objects.by_author(ann)", lambda: Article.objects.by_author(ann), ["t1 live", "t1 draft", "t1 scheduled"]),
        ('Article.objects.filter(title__startswith="t1").published()',
         lambda: Article.objects.filter(title__startswith="t1").published(), ["t1 live", "t1 bob's"]),
    ]
    for what, make, want in cases:
        got = _titles(_one_query(make, what), "t1")
        assert got == want, (f"{what}: expected {want}, got {got} (published means status published and "
                             f"published_at not in the future)")


@task(2, "with_comment_count() annotates comment_count and chains with the others")
def check_comment_count():
    ann = Author.objects.create(name="t2-ann")
    busy, quiet, draft = _article(ann, "t2 busy"), _article(ann, "t2 quiet"), _article(ann, "t2 draft", status="draft")
    for article, n in ((busy, 3), (draft, 1)):
        for i in range(n):
            Comment.objects.create(article=article, body=f"comment {i}")
    rows = _one_query(lambda: Article.objects.published().by_author(ann).with_comment_count(),
                      "Article.objects.published().by_author(ann).with_comment_count()")
    counts = {a.title: getattr(a, "comment_count", "missing") for a in rows}
    assert counts == {"t2 busy": 3, "t2 quiet": 0}, f"expected comment_count {{'t2 busy': 3, 't2 quiet': 0}}, got {counts}"
    popular = _titles(Article.objects.with_comment_count().filter(comment_count__gte=2, author=ann), "t2")
    assert popular == ["t2 busy"], f"filter(comment_count__gte=2) after with_comment_count() should give ['t2 busy'], got {popular}"


@task(3, "soft_delete() marks the rows in one UPDATE and keeps them")
def check_soft_delete():
    ann, bob = Author.objects.create(name="t3-ann"), Author.objects.create(name="t3-bob")
    old1, old2, new = _article(ann, "t3 old one"), _article(ann, "t3 old two"), _article(ann, "t3 new")
    other = _article(bob, "t3 old bob")
    with CaptureQueriesContext(connection) as ctx:
        marked = Article.objects.by_author(ann).filter(title__startswith="t3 old").soft_delete()
    sqls = [q["sql"] for q in ctx.captured_queries]
    assert len(sqls) == 1 and sqls[0].lstrip().upper().startswith("UPDATE"), \
        f"soft_delete() should send exactly one UPDATE (QuerySet.update), sent {len(sqls)}: {[q[:60] + '...' for q in sqls]}"
    assert marked == 2, f"soft_delete() should return how many rows it marked (2), got {marked!r}"
    state = {a.title: a.deleted_at is not None for a in _every_row().filter(pk__in=[old1.pk, old2.pk, new.pk, other.pk])}
    want = {"t3 old one": True, "t3 old two": True, "t3 new": False, "t3 old bob": False}
    assert state == want, f"expected deleted_at set on exactly ann's two old articles, rows still there: {want}, got {state}"


@task(4, "Article.objects hides soft-deleted rows; Article.all_objects sees all")
def check_managers():
    ann = Author.objects.create(name="t4-ann")
    live, gone = _article(ann, "t4 live"), _article(ann, "t4 gone", deleted=True)
    got = _titles(Article.objects.all(), "t4")
    assert got == ["t4 live"], f"Article.objects.all() should hide the soft-deleted article, got {got}"
    got = _titles(Article.objects.published().by_author(ann), "t4")
    assert got == ["t4 live"], f"Article.objects.published() should hide it too (override get_queryset), got {got}"
    try:
        Article.objects.get(pk=gone.pk)
    except Article.DoesNotExist:
        pass
    else:
        raise AssertionError("Article.objects.get(pk=<soft-deleted>) found it; expected Article.DoesNotExist")
    assert hasattr(Article, "all_objects"), "Article needs a second manager, all_objects = ArticleQuerySet.as_manager()"
    got = _titles(Article.all_objects.by_author(ann).published(), "t4")
    assert got == ["t4 live", "t4 gone"], f"Article.all_objects.by_author(ann).published() should see both, got {got}"
    default = Article._meta.default_manager.name
    assert default == "objects", (
        f"the default manager (the first declared) is {default!r}; Django uses it for dumpdata, the admin and "
        f"related managers, so declare objects first")


@task(5, "related managers hide deleted articles, but comment.article still finds one")
def check_relations():
    ann = Author.objects.create(name="t5-ann")
    live, gone = _article(ann, "t5 live"), _article(ann, "t5 gone")
    comment = Comment.objects.create(article=gone, body="first!")
    _mark_deleted(gone)
    got = _titles(ann.articles.all(), "t5")
    assert got == ["t5 live"], (f"ann.articles.all() gave {got}: a reverse related manager is built from the "
                                f"default manager's class, so make Article.objects the filtering one")
    assert hasattr(ann.articles, "published"), "ann.articles has no published(): it should inherit the QuerySet methods"
    assert _titles(ann.articles.published(), "t5") == ["t5 live"], "ann.articles.published() should hide the deleted one"
    fetched = Author.objects.prefetch_related("articles").get(pk=ann.pk)
    got = _titles(fetched.articles.all(), "t5")
    assert got == ["t5 live"], f"prefetch_related('articles') gave {got}; it should hide the deleted article too"
    try:
        parent = Comment.objects.get(pk=comment.pk).article
    except Article.DoesNotExist:
        raise AssertionError(
            "comment.article raised DoesNotExist for a comment on a soft-deleted article: following a ForeignKey "
            "uses the base manager, which must never filter rows out; drop base_manager_name = 'objects'")
    assert parent.pk == gone.pk, f"comment.article should be the deleted article {gone.pk}, got {parent.pk}"


if __name__ == "__main__":
    run_tasks()
