# Django Interview Prep: Fix the N+1 queries
# Topic: select_related, prefetch_related and N+1  (Django Prep: Open Topic shows the explanation)
# Run it: python3 n_plus_one.py     Each numbered task below prints ✓ when it passes.
#
# A small blog. The five functions under "Your code" already return the right data, but each
# sends one more query for every post or author it loops over (N+1). Make each one run in a
# fixed number of queries, whatever the number of rows, without changing what it returns.
# The checks compare the data and count the queries with CaptureQueriesContext: at most
# 1, 2, 2, 2 and 3 queries. Hint: a .filter() on a prefetched relation queries again.

# {{django-setup}}

from django.db import connection, models
from django.db.models import Prefetch
from django.test.utils import CaptureQueriesContext


class Author(models.Model):
    name = models.CharField(max_length=50, unique=True)

    class Meta:
        app_label = "practice"


class Tag(models.Model):
    label = models.CharField(max_length=20, unique=True)

    class Meta:
        app_label = "practice"


class Post(models.Model):
    title = models.CharField(max_length=80, unique=True)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="posts")
    tags = models.ManyToManyField(Tag, related_name="posts")

    class Meta:
        app_label = "practice"


class Comment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="comments_written")
    text = models.CharField(max_length=200)
    approved = models.BooleanField(default=False)

    class Meta:
        app_label = "practice"


# ---- Your code ---------------------------------------------------------------

def post_bylines():
    """[(post title, author name), ...] ordered by title. At most 1 query."""
    # TODO 1: the author is a forward ForeignKey: JOIN it into the same query.
    posts = Post.objects.select_related("author").order_by("title")
    return [(post.title, post.author.name) for post in posts]


def tags_by_post():
    """{post title: sorted tag labels}. At most 2 queries."""
    # TODO 2: tags is a many-to-many relation: load all of them in one extra query.
    posts = Post.objects.prefetch_related("tags")   # post.tags.all() now reads the cache
    return {post.title: sorted(tag.label for tag in post.tags.all()) for post in posts}


def titles_by_author():
    """{author name: sorted titles of their posts}, including authors without posts. At most 2 queries."""
    # TODO 3: author.posts is a reverse ForeignKey.
    authors = Author.objects.prefetch_related("posts")
    return {author.name: sorted(post.title for post in author.posts.all()) for author in authors}


def approved_comments():
    """{post title: texts of its APPROVED comments, oldest (lowest id) first}. At most 2 queries."""
    # TODO 4: prefetch only the approved comments, in order: Prefetch(..., queryset=..., to_attr=...).
    approved = Comment.objects.filter(approved=True).order_by("id")
    posts = Post.objects.prefetch_related(Prefetch("comments", queryset=approved, to_attr="approved_comments"))
    # to_attr stores a plain list, so it cannot be mistaken for the full (unfiltered) relation.
    return {post.title: [comment.text for comment in post.approved_comments] for post in posts}


def feed():
    """One dict per post, ordered by title:
    {"title", "author": author name, "tags": sorted labels,
     "comments": [(commenter name, text) of approved comments, oldest first]}. At most 3 queries."""
    # TODO 5: combine select_related and prefetch_related; a Prefetch queryset can select_related too.
    approved = Comment.objects.filter(approved=True).select_related("author").order_by("id")
    posts = (
        Post.objects.select_related("author")                        # query 1: posts JOIN authors
        .prefetch_related(
            "tags",                                                  # query 2: all their tags
            Prefetch("comments", queryset=approved, to_attr="approved_comments"),  # query 3
        )
        .order_by("title")
    )
    return [
        {
            "title": post.title,
            "author": post.author.name,
            "tags": sorted(tag.label for tag in post.tags.all()),
            "comments": [(comment.author.name, comment.text)
                         for comment in post.approved_comments],
        }
        for post in posts
    ]

# {{checks}}
