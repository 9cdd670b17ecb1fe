# ---- A small nginx config parser, used by the checks (no need to edit) --------
import re as _re


class NginxError(AssertionError):
    """NGINX_CONF cannot be parsed (reported with its line number)."""


class Directive:
    """`name arg1 arg2;` or `name args { children }` (then .block is a list)."""

    def __init__(self, name, args, line, block=None):
        self.name, self.args, self.line, self.block = name, args, line, block

    def __repr__(self):
        return f"NGINX_CONF line {self.line}: {' '.join([self.name, *self.args])}{' {...}' if self.block is not None else ';'}"


def tokenize(text):
    """Yields (token, line, quoted); token is a word, '{', '}' or ';'. Comments are dropped."""
    i, line, n = 0, 1, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif c == "#":  # a comment runs to the end of the line
            while i < n and text[i] != "\n":
                i += 1
        elif c in "{};":
            yield c, line, False
            i += 1
        elif c in "\"'":
            start_line, i, value = line, i + 1, []
            while i < n and text[i] != c:
                if text[i] == "\\" and i + 1 < n and text[i + 1] in (c, "\\"):
                    i += 1
                if text[i] == "\n":
                    line += 1
                value.append(text[i])
                i += 1
            if i >= n:
                raise NginxError(f"NGINX_CONF line {start_line}: unclosed {c} quote")
            i += 1
            yield "".join(value), start_line, True
        else:
            value = []
            while i < n and not text[i].isspace() and text[i] not in "{};\"'":
                if text[i] == "$" and text[i + 1:i + 2] == "{":  # ${variable}
                    end = text.find("}", i)
                    if end < 0:
                        raise NginxError(f"NGINX_CONF line {line}: unclosed ${{")
                    value.append(text[i:end + 1])
                    i = end + 1
                    continue
                if text[i] == "\\" and i + 1 < n:
                    i += 1
                value.append(text[i])
                i += 1
            yield "".join(value), line, False


_BLOCK_DIRECTIVES = {"events", "http", "server", "location", "upstream", "if", "map", "geo", "types",
                     "limit_except", "split_clients", "stream", "mail", "match"}


def parse_nginx(text):
    """The config as a list of Directive trees."""
    tokens = list(tokenize(text))
    position = 0

    def parse_block(depth, opened_at):
        nonlocal position
        directives, words = [], []
        while position < len(tokens):
            token, line, quoted = tokens[position]
            position += 1
            if quoted or token not in "{};":
                words.append((token, line))
            elif token == ";":
                if not words:
                    raise NginxError(f"NGINX_CONF line {line}: unexpected ';'")
                if words[0][0] in _BLOCK_DIRECTIVES - {"types", "server"}:  # server is also an upstream member
                    raise NginxError(f"NGINX_CONF line {words[0][1]}: {words[0][0]} needs a {{ ... }} block")
                directives.append(Directive(words[0][0], [w for w, _ in words[1:]], words[0][1]))
                words = []
            elif token == "{":
                if not words:
                    raise NginxError(f"NGINX_CONF line {line}: '{{' without a directive name")
                if words[0][0] not in _BLOCK_DIRECTIVES:
                    raise NginxError(f"NGINX_CONF line {words[0][1]}: `{' '.join(w for w, _ in words)} {{`: "
                                     f"{words[0][0]} does not open a block; is a ';' missing?")
                block = parse_block(depth + 1, line)
                directives.append(Directive(words[0][0], [w for w, _ in words[1:]], words[0][1], block))
                words = []
            else:  # "}"
                if words:
                    raise NginxError(f"NGINX_CONF line {words[0][1]}: `{words[0][0]} ...` has no ';' before '}}'")
                if depth == 0:
                    raise NginxError(f"NGINX_CONF line {line}: unexpected '}}'")
                return directives
        if words:
            raise NginxError(f"NGINX_CONF line {words[0][1]}: `{words[0][0]} ...` has no ';' at the end")
        if depth:
            raise NginxError(f"NGINX_CONF line {opened_at}: '{{' is never closed")
        return directives

    return parse_block(0, 0)


def find(block, name):
    return [d for d in block if d.name == name]


def http_context():
    """The directives of the http context: the top level (conf.d/*.conf) or `http { }`."""
    tree = parse_nginx(NGINX_CONF)
    for http in find(tree, "http"):
        if http.block is not None:
            return http.block
    return tree


def servers():
    return [d for d in find(http_context(), "server") if d.block is not None]


def upstreams():
    return {d.args[0]: d for d in find(http_context(), "upstream") if d.block is not None and d.args}


def listen_port(args):
    """`listen 80`, `listen [::]:80 default_server`, `listen 127.0.0.1` (80) -> port number."""
    address = args[0] if args else ""
    if address.startswith("unix:"):
        return None
    if address.isdigit():
        return int(address)
    port = address.rsplit(":", 1)[1] if ":" in address and not address.endswith("]") else "80"
    return int(port) if port.isdigit() else None


def locations(path):
    """(server, location) pairs for `location <path>` or `location ^~ <path>`."""
    found = []
    for server in servers():
        for location in find(server.block, "location"):
            if location.block is not None and location.args in ([path], ["^~", path]):
                found.append((server, location))
    return found


def effective(name, *levels):
    """nginx inheritance: the innermost level that has `name` wins, outer ones are ignored."""
    for level in reversed(levels):
        found = find(level, name)
        if found:
            return found
    return []


def size_in_bytes(value):
    m = _re.fullmatch(r"(\d+)([kKmMgG]?)", value)
    assert m, f"client_max_body_size {value!r} is not a size like 20m"
    return int(m.group(1)) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[m.group(2).lower()]


def root_location():
    found = locations("/")
    assert found, "no `location / { ... }` inside a server block"
    return found[0]


@task(1, "An upstream block lists the gunicorn server")
def check_upstream():
    named = upstreams()
    assert named, "no `upstream <name> { server web:8000; }` block"
    for name, upstream in named.items():
        targets = [d.args[0] for d in find(upstream.block, "server") if d.args]
        assert targets, f"{upstream!r} has no `server host:port;` inside"
        for target in targets:
            assert target.startswith("unix:") or _re.fullmatch(r"[\w.\-\[\]:]+:\d+", target), (
                f"upstream {name}: server {target!r} should be host:port (web:8000) or unix:/path.sock")


@task(2, "A server block listens on 80 and has a server_name")
def check_server():
    blocks = servers()
    assert blocks, "no `server { ... }` block"
    on_80 = [s for s in blocks if any(listen_port(d.args) == 80 for d in find(s.block, "listen"))]
    assert on_80, f"no server block has `listen 80;` (found listen {[d.args for s in blocks for d in find(s.block, 'listen')]})"
    for server in on_80:
        names = [name for d in find(server.block, "server_name") for name in d.args]
        assert [n for n in names if n not in ("_", "")], (
            f"{server!r} has {f'server_name {names}' if names else 'no server_name'}; name the site "
            "(server_name shop.example.com;) so nginx picks this block by the Host header")


@task(3, "location / proxies to the upstream by name")
def check_proxy_pass():
    names = upstreams()
    server, location = root_location()
    passes = effective("proxy_pass", location.block)
    assert passes and passes[-1].args, f"{location!r} has no proxy_pass"
    target = passes[-1].args[0]
    m = _re.fullmatch(r"http://([^/:]+)/?", target)
    assert m and m.group(1) in names, (
        f"proxy_pass {target} does not use the upstream; write proxy_pass http://<upstream name>; "
        f"(upstreams: {sorted(names) or 'none'})")


@task(4, "location / forwards Host, X-Forwarded-For and X-Forwarded-Proto")
def check_forwarded_headers():
    http = http_context()
    server, location = root_location()
    headers = {d.args[0].lower(): d.args[1] for d in effective("proxy_set_header", http, server.block, location.block)
               if len(d.args) == 2}
    wanted = {"Host": ("$host", "$http_host"),
              "X-Forwarded-For": ("$proxy_add_x_forwarded_for",),
              "X-Forwarded-Proto": ("$scheme", "$http_x_forwarded_proto")}
    for header, values in wanted.items():
        assert header.lower() in headers, (
            f"location / does not set {header}: add proxy_set_header {header} {values[0]}; "
            f"(headers set: {sorted(headers) or 'none'}; one proxy_set_header in a block "
            "hides all those of the outer blocks)")
        got = headers[header.lower()]
        assert got in values, f"proxy_set_header {header} {got}: use {values[0]}"


@task(5, "location /static/ serves files with alias and lets browsers cache them")
def check_static():
    found = locations("/static/")
    assert found, "no `location /static/ { ... }` block"
    server, location = found[0]
    assert not find(location.block, "proxy_pass"), "static files should come from disk, not from Django"
    aliases = find(location.block, "alias")
    assert aliases and aliases[0].args, (
        f"{location!r} has no alias; add alias /srv/app/staticfiles/; "
        "(root would append the /static/ prefix to the path)")
    path = aliases[0].args[0]
    assert path.startswith("/") and path.endswith("/"), (
        f"alias {path}: use an absolute path ending in '/', like the location /static/; "
        f"otherwise /static/app.css maps to {path}app.css")
    expires = [d.args[0] for d in effective("expires", http_context(), server.block, location.block) if d.args]
    max_ages = [int(m.group(1)) for d in find(location.block, "add_header")
                if len(d.args) >= 2 and d.args[0].lower() == "cache-control"
                for m in [_re.search(r"max-age=(\d+)", d.args[1])] if m]
    assert any(e not in ("off", "epoch", "0") for e in expires) or any(age > 0 for age in max_ages), (
        "static files are not cached: add `expires 30d;` or add_header Cache-Control \"public, max-age=2592000\"")


@task(6, "client_max_body_size allows uploads above the 1m default")
def check_body_size():
    server, location = root_location()
    found = effective("client_max_body_size", http_context(), server.block, location.block)
    assert found and found[-1].args, "client_max_body_size is not set, so uploads over 1 MB get 413"
    size = size_in_bytes(found[-1].args[0])
    assert size != 0, "client_max_body_size 0 disables the limit; set a real one such as 20m"
    assert size >= 20 * 1024 ** 2, (
        f"client_max_body_size {found[-1].args[0]} is below the 20 MB uploads the site needs; use 20m")


@task(7, "nginx -t accepts the config (when nginx is installed)")
def check_nginx_t():
    import os
    import shutil
    import subprocess
    import tempfile

    nginx = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None)
    if nginx is None:
        print("      (nginx is not installed here, so only the parser above checked the syntax)")
        return
    # Compose service names such as `web` only resolve inside Compose; test with a local address.
    conf = _re.sub(r"(\bserver\s+)(?!unix:)[A-Za-z][\w.-]*(:\d+)", r"\g<1>127.0.0.1\g<2>", NGINX_CONF)
    has_http = any(d.name == "http" for d in parse_nginx(NGINX_CONF))
    with tempfile.TemporaryDirectory() as tmp:
        main = os.path.join(tmp, "nginx.conf")
        with open(main, "w") as f:
            f.write("events {}\n" + (conf if has_http else "http {\n" + conf + "\n}\n"))
        run = subprocess.run([nginx, "-t", "-q", "-e", "stderr", "-p", tmp + "/", "-c", main, "-g", f"pid {tmp}/nginx.pid;"],
                             capture_output=True, text=True, timeout=30)
    problems = [_re.sub(r"^\d+#\d+: ", "", line.split("] ", 1)[-1]) for line in run.stderr.splitlines() if "[emerg]" in line or "[crit]" in line]
    assert run.returncode == 0, "nginx -t rejects it: " + ("; ".join(problems) or run.stderr.strip())


if __name__ == "__main__":
    run_tasks()
