# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------

_AUTHORS = ["Ada", "Linus", "Grace", "Barbara"]      # Barbara writes no posts, only comments
_TAGS = ["python", "django", "sql", "testing"]


def _blog(prefix, posts=6):
    """Replaces the blog with `posts` posts and returns what the five functions should return."""
    for model in (Comment, Post, Tag, Author):
        model.objects.all().delete()
    authors = {name: Author.objects.create(name=f"{prefix}{name}") for name in _AUTHORS}
    tags = {label: Tag.objects.create(label=f"{prefix}{label}") for label in _TAGS}
    want = {"feed": []}
    for i in range(posts):
        title, author = f"{prefix}Post {i:02}", _AUTHORS[i % 3]
        post = Post.objects.create(title=title, author=authors[author])
        labels = [label for j, label in enumerate(_TAGS) if (i + j) % 3 == 0]
        post.tags.add(*(tags[label] for label in labels))
        comments = []
        for k in range(i % 3 + 1):
            commenter, text = _AUTHORS[(i + k + 1) % 4], f"comment {i}.{k}"
            approved = (i + k) % 2 == 0
            Comment.objects.create(post=post, author=authors[commenter], text=text, approved=approved)
            if approved:
                comments.append((f"{prefix}{commenter}", text))
        want["feed"].append({"title": title, "author": f"{prefix}{author}",
                             "tags": [f"{prefix}{label}" for label in sorted(labels)], "comments": comments})
    feed = want["feed"]
    want["post_bylines"] = [(row["title"], row["author"]) for row in feed]
    want["tags_by_post"] = {row["title"]: row["tags"] for row in feed}
    want["titles_by_author"] = {f"{prefix}{name}": [row["title"] for row in feed if row["author"] == f"{prefix}{name}"]
                                for name in _AUTHORS}
    want["approved_comments"] = {row["title"]: [text for _, text in row["comments"]] for row in feed}
    return want


def _check(function, max_queries, hint):
    """Runs the function on blogs of two sizes: same data as wanted, at most max_queries each time."""
    for size in (3, 6):
        want = _blog(f"{function.__name__[:5]}-{size}-", size)[function.__name__]
        with CaptureQueriesContext(connection) as ctx:
            got = function()
        assert got == want, f"{function.__name__}() returned different data:\n      expected {want!r}\n      got      {got!r}"
        count = len(ctx.captured_queries)
        assert count <= max_queries, (
            f"{function.__name__}() ran {count} queries on a blog with {size} posts and 4 authors; "
            f"expected at most {max_queries}. {hint}")


@task(1, "post_bylines(): forward ForeignKey in 1 query")
def check_post_bylines():
    _check(post_bylines, 1, "Each post.author is loaded separately: use select_related.")


@task(2, "tags_by_post(): many-to-many in 2 queries")
def check_tags_by_post():
    _check(tags_by_post, 2, "Each post.tags.all() is a query: use prefetch_related.")


@task(3, "titles_by_author(): reverse ForeignKey in 2 queries")
def check_titles_by_author():
    _check(titles_by_author, 2, "Each author.posts.all() is a query: use prefetch_related.")


@task(4, "approved_comments(): filtered Prefetch in 2 queries")
def check_approved_comments():
    _check(approved_comments, 2, "A .filter() on a relation always queries, even when prefetched: "
                                 "filter inside Prefetch(queryset=...) and read the to_attr list.")


@task(5, "feed(): select_related + prefetch_related in 3 queries")
def check_feed():
    _check(feed, 3, "Posts with their author (JOIN), all their tags, all approved comments "
                    "with the commenter (a Prefetch whose queryset uses select_related).")


if __name__ == "__main__":
    run_tasks()
