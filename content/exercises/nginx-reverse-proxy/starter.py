# Django Interview Prep: Nginx in Front of Gunicorn
# Topic: Nginx as a Reverse Proxy  (Django Prep: Open Topic shows the explanation)
# Run it: python3 nginx_reverse_proxy.py     Each numbered task below prints ✓ when it passes.
#
# NGINX_CONF below forwards everything to a hard-coded address and nothing else. Make it a
# proper reverse proxy for Django: an upstream, a named server, the forwarding headers Django
# needs, static files served by nginx with caching, and an upload limit. The checks tokenize
# and parse the config into blocks and directives (with nginx's inheritance rules).
# Once every task passes, copy the text into conf.d/default.conf of your nginx container.

# {{task-runner}}

# Setting: Docker Compose runs gunicorn in the service "web" on port 8000 and nginx in its own
# container; collectstatic wrote the static files to /srv/app/staticfiles/, which is mounted
# into the nginx container. The site is shop.example.com.
#
# TODO 1: Add an `upstream django { ... }` block with a `server` for gunicorn (web:8000).
# TODO 2: The server block listens on port 80 and has a server_name (shop.example.com).
# TODO 3: `location /` passes requests to the upstream by name: proxy_pass http://django;
# TODO 4: Forward the original request to Django: proxy_set_header for Host ($host),
#   X-Forwarded-For ($proxy_add_x_forwarded_for) and X-Forwarded-Proto ($scheme).
# TODO 5: `location /static/` serves /srv/app/staticfiles/ from disk with `alias` (mind the
#   trailing slashes) and lets browsers cache it: `expires 30d;` or
#   add_header Cache-Control "public, max-age=...".
# TODO 6: Uploads of up to 20 MB must work: raise client_max_body_size (the default is 1m).
# (Messages say "NGINX_CONF line N", counting the `NGINX_CONF = r"""` line as line 1.)
NGINX_CONF = r"""
server {
    listen 80;

    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
"""

# {{checks}}
