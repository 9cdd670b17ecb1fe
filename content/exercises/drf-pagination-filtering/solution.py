# Django Interview Prep: Pagination, filtering, search and ordering in DRF
# Topic: Pagination, Filtering and Versioning  (Django Prep: Open Topic shows the explanation)
# Run it: python3 pagination_filtering.py     Each numbered task below prints ✓ when it passes.
#
# A book catalogue API. /api/books/ pages with ?page= and a client-chosen ?page_size= (capped),
# narrows with a django-filter FilterSet (price range, genre, stock, date), searches title and
# author, and sorts by a few whitelisted fields. /api/books/feed/ is a newest-first feed with
# cursor pagination, which stays correct while new books arrive. The checks send requests with
# DRF's APIClient, follow the next links and compare with the database.

# {{django-setup}}

import datetime
import logging
import warnings
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import django_filters
from django.core.paginator import UnorderedObjectListWarning
from django.db import models
from django.urls import path
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, generics, serializers
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.test import APIClient


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100)
    genre = models.CharField(max_length=20)  # "fiction", "history", "science", "tech"
    price = models.DecimalField(max_digits=7, decimal_places=2)
    published_on = models.DateField()
    in_stock = models.BooleanField(default=True)

    class Meta:
        app_label = "practice"


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title", "author", "genre", "price", "published_on", "in_stock"]


# ---- Your code ---------------------------------------------------------------

# TODO 1: page-number pagination: 5 books a page by default; the client may ask for another size
#   with ?page_size=, but never more than 20.
class BookPagination(PageNumberPagination):
    page_size = 5
    page_size_query_param = "page_size"
    max_page_size = 20


# TODO 2: a FilterSet for ?min_price= and ?max_price= (inclusive), ?genre= (ignoring case),
#   ?in_stock=true|false and ?published_after=YYYY-MM-DD (that day included).
class BookFilter(django_filters.FilterSet):
    min_price = django_filters.NumberFilter(field_name="price", lookup_expr="gte")
    max_price = django_filters.NumberFilter(field_name="price", lookup_expr="lte")
    genre = django_filters.CharFilter(field_name="genre", lookup_expr="iexact")
    published_after = django_filters.DateFilter(field_name="published_on", lookup_expr="gte")

    class Meta:
        model = Book
        fields = ["in_stock"]  # a BooleanFilter for the model's BooleanField


# TODO 3: the list view: use BookPagination, BookFilter (through DjangoFilterBackend) and a search
#   over title and author (?search=).
# TODO 4: ordering by price, published_on or title only (?ordering=-price), and by default by title,
#   then id, so that pages never repeat or skip a book.
# TODO 5: nothing new, all at once: filters, search, ordering and page size combine, bad filter
#   values get a 400, and the next link keeps every parameter.
class BookList(generics.ListAPIView):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    pagination_class = BookPagination
    filter_backends = [DjangoFilterBackend, filters.SearchFilter, filters.OrderingFilter]
    filterset_class = BookFilter
    search_fields = ["title", "author"]
    ordering_fields = ["price", "published_on", "title"]
    ordering = ["title", "id"]  # ends with a unique column: a total order


# TODO 6: the feed: cursor pagination, 5 a page, newest published_on first (then newest id).
class NewestFirst(CursorPagination):
    page_size = 5
    ordering = ["-published_on", "-id"]


class BookFeed(generics.ListAPIView):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    pagination_class = NewestFirst

# {{checks}}
