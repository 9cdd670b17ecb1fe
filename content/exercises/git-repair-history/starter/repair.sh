# Django Interview Prep: Repair a Git History
# Topic: Git Commands and Concepts  (Django Prep: Open Topic shows the explanation)
# Check it from the Testing view (or the Check lens above): each TODO is a task there.
#
# Write the git commands that repair a shared history, as a bash script. The check builds a
# throwaway repository, runs this script with bash inside a fresh clone of it (shop/, on main,
# remote "origin"), then asks git what happened. Nothing touches your own repositories.
#
# The situation (`git log --graph --oneline --all` shows it):
# - Ana's branch feature/www-host adds www.example.com to ALLOWED_HOSTS in settings.py and
#   raises CACHE_TIMEOUT to 600. Meanwhile main added api.example.com on the same line, so
#   merging the branch conflicts.
# - Sam's commit "Turn DEBUG on to trace the checkout bug" is the tip of main and is already
#   on origin, so colleagues have pulled it. origin's main refuses force pushes.
# The script runs without a terminal: git takes its default messages instead of opening an
# editor, and a command that fails does not stop the script unless you say so (set -e).
#
# TODO 1: Merge feature/www-host into main with a merge commit (git merge, not a rebase or
#   --squash). It stops on the conflict: the merge is committed once the file is resolved.
# TODO 2: Resolve settings.py: ALLOWED_HOSTS lists shop.example.com, api.example.com and
#   www.example.com; CACHE_TIMEOUT = 600 from the branch; every other line as before; no
#   conflict markers.
# TODO 3: Undo Sam's pushed DEBUG commit with git revert: a new commit, the old one stays in
#   the history (no reset, no rebase), and its message names the reverted commit.
# TODO 4: Push the repaired main to origin with a normal push (no --force).
# TODO 5: Delete the merged feature branch, here (git branch -d) and on origin.
# TODO 6: Tag the repaired main as v1.4.1 with an annotated tag and push the tag.
# TODO 7: End cleanly: exit status 0, on main, nothing uncommitted, no merge or revert left
#   in progress.

git status
