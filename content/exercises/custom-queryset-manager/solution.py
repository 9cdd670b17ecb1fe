# Django Interview Prep: A custom QuerySet and Manager with soft delete
# Topic: Models and Migrations  (Django Prep: Open Topic shows the explanation)
# Run it: python3 querysets_managers.py     Each numbered task below prints ✓ when it passes.
#
# Reusable query logic belongs on a QuerySet subclass, so that Article.objects.published()
# .by_author(ann) reads like a sentence and every method chains with the others and with
# filter(). Then soft delete: articles are never removed, only marked deleted_at, and the
# default manager hides them. The checks build rows in SQLite, count the queries each chain
# sends and follow relations in both directions, where Django uses different managers.

# {{django-setup}}

from datetime import timedelta

from django.db import connection, models
from django.db.models import Count
from django.db.models.query import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone


class Author(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        app_label = "practice"


# ---- Your code ---------------------------------------------------------------

class ArticleQuerySet(models.QuerySet):
    # TODO 1: published() keeps articles with status "published" whose published_at is not in
    #   the future (timezone.now()); by_author(author) keeps one author's articles. Each returns
    #   a new QuerySet (self.filter(...)), so the methods chain in any order and after filter().
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def by_author(self, author):
        return self.filter(author=author)

    # TODO 2: with_comment_count() annotates each article with comment_count, its number of comments.
    def with_comment_count(self):
        return self.annotate(comment_count=Count("comments"))

    # TODO 3: soft_delete() marks every article in the QuerySet deleted (deleted_at = now) with one
    #   UPDATE and returns how many it marked; the rows stay in the table.
    def soft_delete(self):
        return self.update(deleted_at=timezone.now())


# TODO 4: ArticleManager, the default manager, hides soft-deleted articles (deleted_at set) and
#   still offers every ArticleQuerySet method: build it with models.Manager.from_queryset(...)
#   and override get_queryset(). Then give Article (below) two managers: objects = ArticleManager()
#   first (the first one declared is the default) and all_objects = ArticleQuerySet.as_manager(),
#   which sees every row.
class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleManager()                    # default manager: live articles only
    all_objects = ArticleQuerySet.as_manager()    # admin tools, undelete, audits

    class Meta:
        app_label = "practice"
        ordering = ["id"]
        # TODO 5: a colleague added base_manager_name = "objects" "so deleted articles are hidden
        #   everywhere". Task 5 shows what that breaks; decide whether it stays.
        # Removed: the base manager is what comment.article uses, and it must never filter rows out,
        # or a comment on a deleted article raises DoesNotExist. Django's plain Manager is right.


class Comment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    body = models.CharField(max_length=200)

    class Meta:
        app_label = "practice"

# {{checks}}
