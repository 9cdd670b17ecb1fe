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

set -euo pipefail

# 1-2. The merge stops on the conflict (exit status 1): write the resolved file, then commit.
git switch main
if ! git merge --no-edit feature/www-host; then
  cat > settings.py <<'PY'
# Shop settings: the part of the Django settings this exercise is about.

ALLOWED_HOSTS = ["shop.example.com", "api.example.com", "www.example.com"]

# How long a cached page stays fresh, in seconds.
CACHE_TIMEOUT = 600

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"

# Never True in production: error pages would show settings and source code.
DEBUG = True
PY
  git add settings.py
  git commit --no-edit
fi

# 3. Find the bad commit by its message (":/text" names the newest commit whose message
#    matches) and add the commit that undoes it.
git revert --no-edit ':/Turn DEBUG on'

# 4. Main only moved forward, so a plain push is accepted.
git push origin main

# 5. -d refuses to delete a branch whose commits are not merged.
git branch -d feature/www-host
git push origin --delete feature/www-host

# 6. Annotated: the tag records who tagged, when and why.
git tag -a v1.4.1 -m "Release 1.4.1: www host, longer cache, DEBUG off again"
git push origin v1.4.1

git log --graph --oneline --decorate -n 8
