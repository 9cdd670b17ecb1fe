# ---- A small Dockerfile parser, used by the checks (no need to edit) ---------
import json as _json
import posixpath as _posixpath
import re as _re
import shlex as _shlex
from urllib.parse import urlsplit as _urlsplit

_KEYWORDS = {"FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY",
             "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL",
             "HEALTHCHECK", "SHELL"}


class DockerfileError(AssertionError):
    """DOCKERFILE cannot be parsed (reported with its line number)."""


class Instruction:
    """One instruction, e.g. `COPY --from=builder /wheels /wheels`."""

    def __init__(self, line, keyword, text):
        self.line = line          # first line in DOCKERFILE, 1-based
        self.keyword = keyword    # upper case: "FROM", "RUN", ...
        self.flags = {}           # leading options: {"from": "builder"}
        if keyword in ("FROM", "COPY", "ADD", "RUN", "HEALTHCHECK"):
            while True:
                m = _re.match(r"--([A-Za-z][\w-]*)(?:=(\S*))?(?:\s+|$)", text)
                if not m:
                    break
                self.flags[m.group(1).lower()] = True if m.group(2) is None else m.group(2)
                text = text[m.end():]
        self.text = text.strip()  # the arguments as written (continuations joined)
        self.exec_form = None     # the list when written as a JSON array
        if self.text.startswith("["):
            try:
                value = _json.loads(self.text)
            except ValueError:
                value = None      # Docker treats invalid JSON as shell form
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                self.exec_form = value

    def words(self):
        try:
            return _shlex.split(self.text)
        except ValueError as error:
            raise DockerfileError(f"DOCKERFILE line {self.line}: {self.keyword} {self.text!r}: {error}")

    def pairs(self):
        """ENV / ARG / LABEL as (name, value) pairs; value is None for `ARG NAME`."""
        words = self.words()
        if self.keyword == "ARG":
            return [tuple(w.split("=", 1)) if "=" in w else (w, None) for w in words]
        if words and "=" not in words[0]:  # legacy `ENV NAME value with spaces`
            return [(words[0], " ".join(words[1:]))]
        for w in words:
            if "=" not in w:
                raise DockerfileError(f"DOCKERFILE line {self.line}: {self.keyword} mixes NAME=value and {w!r}")
        return [tuple(w.split("=", 1)) for w in words]

    def commands(self):
        """The simple commands of a RUN: `A=1 a x && b | c` -> [["a", "x"], ["b"], ["c"]]."""
        if self.exec_form is not None:
            return [self.exec_form]
        lexer = _shlex.shlex(self.text, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        result, current = [], []
        try:
            for token in lexer:
                if token and set(token) <= set("&|;()"):
                    result.append(current)
                    current = []
                else:
                    current.append(token)
        except ValueError as error:
            raise DockerfileError(f"DOCKERFILE line {self.line}: RUN {self.text!r}: {error}")
        result.append(current)
        cleaned = []
        for argv in result:
            while argv and _re.match(r"^[A-Za-z_]\w*=", argv[0]):
                argv = argv[1:]  # leading VAR=value assignments
            if argv:
                cleaned.append(argv)
        return cleaned

    def sources(self):
        """COPY/ADD: the source paths (everything but the destination)."""
        parts = self.exec_form if self.exec_form is not None else self.words()
        return parts[:-1]

    def __repr__(self):
        return f"DOCKERFILE line {self.line}: {self.keyword} {self.text}"


class Stage:
    """Everything from one FROM to the next."""

    def __init__(self, index, name, image, parent, line):
        self.index, self.name, self.image, self.parent, self.line = index, name, image, parent, line
        self.instructions = []

    def lineage(self):
        """The stages this one builds on (FROM <earlier stage>), oldest first, then itself."""
        return (self.parent.lineage() if self.parent else []) + [self]

    def all(self, keyword, inherited=False):
        stages = self.lineage() if inherited else [self]
        return [i for s in stages for i in s.instructions if i.keyword == keyword]

    def env(self):
        values = {}
        for instruction in self.all("ENV", inherited=True):
            values.update(instruction.pairs())
        return values

    def root_image(self):
        return self.lineage()[0].image

    def __repr__(self):
        return f"stage {self.index} ({self.name or 'unnamed'}, FROM {self.image})"


def _substitute(text, variables):
    def value(m):
        name = m.group(1) or m.group(3)
        return variables.get(name) or (m.group(2) or "")
    return _re.sub(r"\$(?:\{(\w+)(?::?-([^}]*))?\}|(\w+))", value, text)


def parse_dockerfile(text):
    """Returns the stages of a Dockerfile, each with its instructions."""
    lines = text.splitlines()
    escape = "\\"
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)  # skip the newline after r"""
    for line in lines[first:]:  # parser directives such as `# escape=`` come first
        m = _re.match(r"^\s*#\s*(\w+)\s*=\s*(\S+)\s*$", line)
        if not m:
            break
        if m.group(1).lower() == "escape":
            escape = m.group(2)
    logical, parts, start = [], [], None
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue  # comments and blank lines, also between continuation lines
        if not parts:
            start = number
        body = line.rstrip()
        if body.endswith(escape):
            parts.append(body[:-len(escape)])
            continue
        parts.append(body)
        logical.append((start, "".join(parts)))
        parts = []
    if parts:
        logical.append((start, "".join(parts)))

    stages, global_args = [], {}
    for number, content in logical:
        keyword, _, rest = content.strip().partition(" ")
        keyword = keyword.upper()
        if keyword not in _KEYWORDS:
            raise DockerfileError(f"DOCKERFILE line {number}: unknown instruction {content.split()[0]!r}")
        instruction = Instruction(number, keyword, rest)
        if keyword == "FROM":
            words = instruction.text.split()
            if len(words) not in (1, 3) or (len(words) == 3 and words[1].upper() != "AS"):
                raise DockerfileError(f"DOCKERFILE line {number}: expected FROM image [AS name], got {content!r}")
            image = _substitute(words[0], global_args)
            parent = next((s for s in stages if s.name and s.name == image.lower()), None)
            stage = Stage(len(stages), words[2].lower() if len(words) == 3 else None, image, parent, number)
            stages.append(stage)
        elif not stages:
            if keyword != "ARG":
                raise DockerfileError(f"DOCKERFILE line {number}: only ARG may come before the first FROM")
            global_args.update((k, v) for k, v in instruction.pairs() if v is not None)
            continue
        stages[-1].instructions.append(instruction)
    if not stages:
        raise DockerfileError("no FROM instruction: a Dockerfile starts with FROM <image>")
    return stages


def image_tag(image):
    """'python:3.12-slim' -> ('python', '3.12-slim', None); digests come third."""
    image, _, digest = image.partition("@")
    head, _, last = image.rpartition("/")
    name, _, tag = last.partition(":")
    return (f"{head}/{name}" if head else name), tag or None, digest or None


def resolve_stage(stages, reference, before):
    """A COPY --from value (stage name or index) -> the earlier Stage, or None for an image."""
    for stage in stages[:before]:
        if reference.lower() == (stage.name or "") or reference == str(stage.index):
            return stage
    return None


def pip_subcommand(argv):
    """'pip wheel ...', 'python -m pip install ...', 'uv pip install' -> 'wheel' / 'install'."""
    program = _posixpath.basename(argv[0])
    if _re.fullmatch(r"pip3?(\.\d+)?", program):
        rest = argv[1:]
    elif _re.fullmatch(r"python3?(\.\d+)?", program) and argv[1:3] == ["-m", "pip"]:
        rest = argv[3:]
    elif program == "uv" and argv[1:2] == ["pip"]:
        rest = argv[2:]
    else:
        return None
    return next((w for w in rest if not w.startswith("-")), None)


def installed_system_packages(argv):
    """Packages of an `apt-get install` / `apk add` command, else []."""
    program = _posixpath.basename(argv[0])
    if program in ("apt-get", "apt") and "install" in argv:
        rest = argv[argv.index("install") + 1:]
    elif program == "apk" and "add" in argv:
        rest = argv[argv.index("add") + 1:]
    else:
        return []
    return [w for w in rest if not w.startswith("-")]


def gunicorn_binds(argv):
    """The --bind / -b values of a gunicorn command line."""
    binds = []
    for i, word in enumerate(argv):
        if word in ("--bind", "-b") and i + 1 < len(argv):
            binds.append(argv[i + 1])
        elif word.startswith("--bind="):
            binds.append(word.split("=", 1)[1])
        elif word.startswith("-b") and len(word) > 2 and not word.startswith("--"):
            binds.append(word[2:])
    return binds


_SECRET_NAME = _re.compile(r"SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL", _re.I)
_BUILD_TOOLS = {"build-essential", "gcc", "g++", "make", "clang", "build-base", "musl-dev"}


def _stages():
    return parse_dockerfile(DOCKERFILE)


def _final_stage_builder():
    """(final stage, the earlier stage its COPY --from copies from, or None)."""
    stages = _stages()
    final = stages[-1]
    for copy in final.all("COPY", inherited=True):
        if "from" in copy.flags:
            source = resolve_stage(stages, copy.flags["from"], final.index)
            if source is not None and source not in final.lineage():
                return final, source
    return final, None


@task(1, "Every base image is pinned to a version or digest")
def check_pinned_base_images():
    stages = _stages()
    for stage in stages:
        if stage.parent is not None or stage.image.lower() == "scratch":
            continue  # FROM <earlier stage> or an empty image
        name, tag, digest = image_tag(stage.image)
        if digest:
            continue
        assert tag is not None, (
            f"DOCKERFILE line {stage.line}: FROM {stage.image} has no tag, which means :latest; "
            f"pin it, e.g. {name}:3.12-slim-bookworm")
        assert tag != "latest" and _re.search(r"\d+\.\d+", tag), (
            f"DOCKERFILE line {stage.line}: tag {tag!r} floats to new releases; pin a version "
            f"such as {name}:3.12-slim-bookworm (or add @sha256:...)")


@task(2, "Multi-stage: a builder makes wheels, the final stage copies them, no compilers in it")
def check_multi_stage():
    stages = _stages()
    assert len(stages) >= 2, (
        f"found {len(stages)} FROM; use a builder stage (FROM ... AS builder) and a final stage")
    final, builder = _final_stage_builder()
    assert builder is not None, (
        "the final stage never copies from an earlier stage: add COPY --from=builder /wheels /wheels")
    pip = [(i, argv) for i in builder.all("RUN", inherited=True) for argv in i.commands()
           if pip_subcommand(argv) in ("wheel", "install")]
    assert pip, f"{builder!r} never runs `pip wheel` (or pip install): what does the final stage copy?"
    for run in final.all("RUN", inherited=True):
        for argv in run.commands():
            tools = [p for p in installed_system_packages(argv)
                     if p in _BUILD_TOOLS or _re.fullmatch(r"gcc-\d+", p) or p.endswith(("-dev", "-devel"))]
            assert not tools, (
                f"DOCKERFILE line {run.line}: the final image installs build tools {tools}; "
                "they belong in the builder stage (runtime libraries like libpq5 are fine)")
    versions = {}
    for stage in (builder, final):
        name, tag, _ = image_tag(stage.root_image())
        version = _re.search(r"\d+\.\d+", tag or "")
        if _posixpath.basename(name) == "python" and version:
            versions[repr(stage)] = version.group()
    assert len(set(versions.values())) <= 1, (
        f"builder and final stage use different Python versions {versions}: "
        "wheels built for one may not install on the other")


@task(3, "Dependencies are installed before the project code is copied (layer cache)")
def check_layer_order():
    installs = 0
    for stage in _stages():
        code_copy = None
        for instruction in stage.instructions:
            if instruction.keyword in ("COPY", "ADD") and "from" not in instruction.flags:
                if any(_posixpath.normpath(src) == "." for src in instruction.sources()):
                    code_copy = code_copy or instruction
            if instruction.keyword == "RUN":
                for argv in instruction.commands():
                    if pip_subcommand(argv) in ("install", "wheel", "sync"):
                        installs += 1
                        assert code_copy is None, (
                            f"DOCKERFILE line {code_copy.line}: `{code_copy.keyword} {code_copy.text}` comes before "
                            f"the pip command on line {instruction.line}, so every code edit reinstalls "
                            "all dependencies; COPY requirements.txt first, install, then copy the code")
    assert installs, "no RUN installs the requirements (pip install / pip wheel)"


@task(4, "The final stage sets PYTHONDONTWRITEBYTECODE and PYTHONUNBUFFERED")
def check_python_env():
    env = _stages()[-1].env()
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"):
        assert env.get(name), (
            f"the final stage does not set {name}; add ENV {name}=1 "
            f"(ENV found: {sorted(env) or 'none'})")


@task(5, "No secrets in ENV or ARG")
def check_no_secrets():
    for stage in _stages():
        for instruction in stage.all("ENV") + stage.all("ARG"):
            for name, value in instruction.pairs():
                assert not _SECRET_NAME.search(name), (
                    f"DOCKERFILE line {instruction.line}: {instruction.keyword} {name} puts a secret into the "
                    "image and its history; pass it at run time (env_file, orchestrator secrets) "
                    "or use RUN --mount=type=secret during the build")
                if value and "://" in value:
                    try:
                        password = _urlsplit(value).password
                    except ValueError:
                        password = None
                    assert not password, (
                        f"DOCKERFILE line {instruction.line}: {name} is a URL with a password in it; "
                        "provide it when the container starts, not in the image")



@task(6, "The final stage runs as a non-root user it creates")
def check_non_root_user():
    final = _stages()[-1]
    users = final.all("USER", inherited=True)
    assert users, "no USER instruction: the container runs as root; create a user and add USER app"
    last = users[-1]
    user = _substitute(last.text, final.env()).split(":")[0]
    assert user not in ("root", "0", ""), f"DOCKERFILE line {last.line}: USER {last.text} is still root"
    if user.isdigit() or user in ("nobody", "www-data"):
        return  # a numeric UID or a user that already exists in Debian images
    creators = [argv for run in final.all("RUN", inherited=True) for argv in run.commands()
                if _posixpath.basename(argv[0]) in ("useradd", "adduser") and user in argv[1:]]
    assert creators, (
        f"DOCKERFILE line {last.line}: USER {user} is never created in the final stage; "
        f"add e.g. RUN useradd --create-home --uid 1000 {user} before it")


@task(7, "CMD starts gunicorn in exec (JSON) form, bound to 0.0.0.0 on the EXPOSEd port")
def check_gunicorn_cmd():
    final = _stages()[-1]
    cmds = final.all("CMD", inherited=True)
    assert cmds, "the final stage has no CMD; end with CMD [\"gunicorn\", ...]"
    cmd = cmds[-1]
    assert cmd.exec_form is not None, (
        f"DOCKERFILE line {cmd.line}: CMD {cmd.text} is shell form: /bin/sh becomes PID 1 and does not pass "
        "SIGTERM to gunicorn; write it as a JSON array: CMD [\"gunicorn\", \"config.wsgi:application\", ...]")
    entrypoints = final.all("ENTRYPOINT", inherited=True)
    argv = cmd.exec_form
    if entrypoints and entrypoints[-1].exec_form and not argv[:1] == ["gunicorn"]:
        argv = entrypoints[-1].exec_form + argv
    if argv[:3] in (["python", "-m", "gunicorn"], ["python3", "-m", "gunicorn"]):
        argv = ["gunicorn"] + argv[3:]
    assert argv and _posixpath.basename(argv[0]) == "gunicorn", f"DOCKERFILE line {cmd.line}: CMD runs {argv[:1]}, not gunicorn"
    apps = [w for w in argv[1:] if _re.fullmatch(r"[A-Za-z_][\w.]*:[A-Za-z_]\w*", w)]
    assert apps, f"DOCKERFILE line {cmd.line}: name the WSGI application, e.g. \"config.wsgi:application\""
    binds = gunicorn_binds(argv)
    assert binds, (f"DOCKERFILE line {cmd.line}: no --bind; gunicorn's default 127.0.0.1:8000 "
                   "is unreachable from outside the container")
    host, _, port = binds[-1].rpartition(":")
    assert host in ("0.0.0.0", "[::]"), (
        f"DOCKERFILE line {cmd.line}: --bind {binds[-1]}: bind 0.0.0.0 so other containers can connect")
    assert port.isdigit(), (
        f"DOCKERFILE line {cmd.line}: --bind {binds[-1]}: exec form does not expand variables; write the port number")
    exposed = [w.split("/")[0] for e in final.all("EXPOSE", inherited=True) for w in e.words()]
    assert not exposed or port in exposed, (
        f"gunicorn listens on {port} but the image EXPOSEs {exposed}")


if __name__ == "__main__":
    run_tasks()
