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
    a = list(items)
    for end in range(len(a) - 1, 0, -1):  # a[end + 1:] is already in its final place
        swapped = False
        for i in range(end):
            if a[i + 1] < a[i]:
                a[i], a[i + 1] = a[i + 1], a[i]
                swapped = True
        if not swapped:  # a pass without swaps: sorted, stop
            break
    return a


# TODO 3: Merge sort: split in half, sort each half recursively, merge the two sorted halves.
# `key` works like sorted(key=...): compare key(item), not item (None means the item itself).
# TODO 4: Keep it stable: items with equal keys stay in their original order. In the merge,
# take from the LEFT half on ties (<=, not <).
def merge_sort(items, key=None):
    if key is None:
        key = lambda item: item  # noqa: E731
    items = list(items)
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left, right = merge_sort(items[:mid], key), merge_sort(items[mid:], key)
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if key(left[i]) <= key(right[j]):  # ties come from the left: stable
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


# TODO 5: Quick sort: pick a pivot, partition into smaller / equal / larger, recurse.
# In place on a copy (Lomuto or Hoare partition) or the short list-comprehension version:
# both are fine here.
# TODO 6: Choose the pivot at random (random.choice / random.randint) or as the median of
# first, middle and last. The first or last item as pivot makes sorted input O(n²) and n
# levels deep, which hits RecursionError on 3000 items.
# Bonus: a three-way partition (< pivot, == pivot, > pivot) also copes with many duplicates.
def quick_sort(items):
    a = list(items)
    _quick_sort_range(a, 0, len(a) - 1)
    return a


def _quick_sort_range(a, lo, hi):
    """Sorts a[lo:hi + 1] in place with a random pivot and a three-way partition."""
    while lo < hi:
        pivot = a[random.randint(lo, hi)]
        lt, i, gt = lo, lo, hi
        while i <= gt:  # invariant: a[lo:lt] < pivot, a[lt:i] == pivot, a[gt + 1:hi + 1] > pivot
            if a[i] < pivot:
                a[lt], a[i] = a[i], a[lt]
                lt += 1
                i += 1
            elif pivot < a[i]:
                a[i], a[gt] = a[gt], a[i]
                gt -= 1
            else:
                i += 1
        # Recurse into the smaller side and loop over the larger one: O(log n) stack depth.
        if lt - lo < hi - gt:
            _quick_sort_range(a, lo, lt - 1)
            lo = gt + 1
        else:
            _quick_sort_range(a, gt + 1, hi)
            hi = lt - 1

# {{checks}}
