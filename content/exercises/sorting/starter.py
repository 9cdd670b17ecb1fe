# Django Interview Prep: Bubble, Merge and Quick Sort
# Topic: Sorting Algorithms  (Django Prep: Open Topic shows the explanation)
# Run it: python3 sorting_algorithms.py     Each numbered task below prints ✓ when it passes.
#
# Write the three whiteboard classics. Each returns a NEW ascending list and leaves its
# argument alone. The checks compare your results with sorted() on hundreds of random lists
# (duplicates, negatives, empty and one-item lists), count the comparisons bubble sort makes on
# sorted input, check that merge sort is stable, and feed quick sort already-sorted input.
# Only compare items with < (and <=, >, >=); the checks pass objects that support just those.
import random

# {{task-runner}}


# ---- Your code ---------------------------------------------------------------

# TODO 1: Bubble sort: repeatedly swap neighbours that are out of order; after each pass the
# largest remaining item has "bubbled" to the end. Work on a copy: list(items).
# TODO 2: Stop early: if a whole pass made no swap, the list is sorted, so a list that is
# already sorted costs one pass (n - 1 comparisons, the O(n) best case).
def bubble_sort(items):
    raise NotImplementedError


# TODO 3: Merge sort: split in half, sort each half recursively, merge the two sorted halves.
# `key` works like sorted(key=...): compare key(item), not item (None means the item itself).
# TODO 4: Keep it stable: items with equal keys stay in their original order. In the merge,
# take from the LEFT half on ties (<=, not <).
def merge_sort(items, key=None):
    raise NotImplementedError


# TODO 5: Quick sort: pick a pivot, partition into smaller / equal / larger, recurse.
# In place on a copy (Lomuto or Hoare partition) or the short list-comprehension version:
# both are fine here.
# TODO 6: Choose the pivot at random (random.choice / random.randint) or as the median of
# first, middle and last. The first or last item as pivot makes sorted input O(n²) and n
# levels deep, which hits RecursionError on 3000 items.
# Bonus: a three-way partition (< pivot, == pivot, > pivot) also copes with many duplicates.
def quick_sort(items):
    raise NotImplementedError

# {{checks}}
