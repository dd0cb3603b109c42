"""The settings of one site, read from mkdocs.yml by the core itself or taken from an engine's config.

mkdocs.yml stays the one configuration file: MkDocs and ProperDocs read it as it is, Zensical
reads it too, and the core reads the few values it needs from it (with the `!ENV` tag).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
import yaml_env_tag

from .errors import Problem, SourceError
from .source.crawlers import ai_training_setting
from .source.text_file import read_text

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Settings:
    root: Path  # the project folder: mkdocs.yml, anchors.yml, crawlers.yml, schema/
    docs_dir: Path
    site_url: str  # always ends with "/"
    site_name: str
    repo_url: str | None = None
    edit_uri: str | None = None
    ai_training: str = "disallow"  # extra.crawlers.ai_training
    custom_dir: Path | None = None  # the theme's overrides (theme.custom_dir)
    own_styles: tuple[str, ...] = ()  # the site's own stylesheets (extra_css)

    @classmethod
    def from_config(cls, config: Mapping, root: Path) -> Settings:
        """From mkdocs.yml's values, as loaded by `load_config` or by an engine."""
        root = Path(root).resolve()
        site_url = config.get("site_url") or DEFAULT_SITE_URL
        theme = config.get("theme")  # MkDocs' Theme object keeps custom_dir as an attribute
        custom_dir = getattr(theme, "custom_dir", None) or (theme.get("custom_dir") if theme else None)
        return cls(root=root, custom_dir=(root / custom_dir).resolve() if custom_dir else None,
                   docs_dir=(root / config.get("docs_dir", "docs")).resolve(),
                   site_url=site_url if site_url.endswith("/") else site_url + "/",
                   site_name=config["site_name"], repo_url=config.get("repo_url") or None,
                   edit_uri=config.get("edit_uri") or None,
                   ai_training=ai_training_setting(config.get("extra"), CONFIG_FILE),
                   own_styles=tuple(str(path) for path in config.get("extra_css") or ()))

    @classmethod
    def load(cls, config_file: Path) -> Settings:
        return cls.from_config(load_config(config_file), Path(config_file).resolve().parent)

    def edit_url(self, path: str) -> str | None:
        """The repository's edit page of `path` (relative to docs_dir), when the config names one."""
        if not (self.repo_url and self.edit_uri):
            return None
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{path}"


class ConfigLoader(yaml.SafeLoader):
    """YAML with MkDocs' `!ENV` tag; `!!python/...` tags are refused, as a safe loader does."""


yaml_env_tag.add_env_tag(ConfigLoader)


def load_config(path: Path) -> dict:
    """mkdocs.yml as a dict, environment variables resolved; SourceError naming its line when broken."""
    name = Path(path).name
    try:
        config = yaml.load(read_text(path, name), Loader=ConfigLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError([Problem(name, mark.line + 1 if mark else 1, f"not valid YAML: {error}")]) from None
    if not isinstance(config, dict) or not config.get("site_name"):
        raise SourceError([Problem(name, 1, "expected a mapping with at least site_name")])
    return config
