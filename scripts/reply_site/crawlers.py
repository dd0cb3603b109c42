"""The author's say over AI crawlers: robots.txt and the robots meta tag, from crawlers.yml and one setting.

The setting is `extra.crawlers.ai_training` in mkdocs.yml: `disallow` (the default) or `allow`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

from .links import absolute

POLICIES = ("disallow", "allow")
DEFAULT_POLICY = "disallow"
NO_AI = "noai, noimageai"


@dataclass(frozen=True)
class Agent:
    user_agent: str
    operator: str
    comment: str


def parse_agents(text: str, path: str = "crawlers.yml") -> list[Agent]:
    """The crawlers listed in the data file; ValueError naming the file when it is not as documented."""
    data = yaml.safe_load(text) or {}
    entries = data.get("agents") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list 'agents:' of crawlers")
    agents = []
    for number, entry in enumerate(entries, start=1):
        fields = entry if isinstance(entry, dict) else {}
        values = [" ".join(str(fields.get(name) or "").split()) for name in ("user_agent", "operator", "comment")]
        if not all(values) or set(fields) - {"user_agent", "operator", "comment"}:
            raise ValueError(f"{path}: agent {number} needs exactly user_agent, operator and comment")
        if any(character in values[0] for character in " \t\n#:"):
            raise ValueError(f"{path}: agent {number}: '{values[0]}' is not a user-agent token")
        agents.append(Agent(*values))
    seen = [agent.user_agent.lower() for agent in agents]
    duplicates = sorted({name for name in seen if seen.count(name) > 1})
    if duplicates:
        raise ValueError(f"{path}: listed twice: {', '.join(duplicates)}")
    return agents


def policy_of(extra: dict | None) -> str:
    """The policy set in mkdocs.yml's `extra:`; ValueError for anything but the documented values."""
    setting = (extra or {}).get("crawlers") or {}
    policy = setting.get("ai_training", DEFAULT_POLICY) if isinstance(setting, dict) else setting
    if not isinstance(setting, dict) or policy not in POLICIES:
        raise ValueError(f"mkdocs.yml: extra.crawlers.ai_training must be one of {', '.join(POLICIES)}, "
                         f"not {policy!r}")
    return policy


def robots_txt(policy: str, agents: list[Agent], site_url: str) -> str:
    """robots.txt: everyone may fetch the site, except the listed AI crawlers when the policy is disallow."""
    if policy not in POLICIES:
        raise ValueError(f"unknown crawler policy {policy!r}")
    root = urlsplit(site_url).path or "/"
    root = root if root.endswith("/") else root + "/"
    lines = ["# Who may fetch this site. A request, not a lock: crawlers may ignore it.", ""]
    if policy == "disallow":
        lines += ["# The author refuses the use of this site to train AI models:",
                  "# these crawlers are asked to fetch nothing (list: crawlers.yml).", ""]
        for agent in agents:
            lines += [f"# {agent.operator}: {agent.comment}", f"User-agent: {agent.user_agent}",
                      f"Disallow: {root}", ""]
    lines += ["# Everyone else, search engines included, may fetch every page.", "User-agent: *",
              f"Allow: {root}", "", f"Sitemap: {absolute(site_url, 'sitemap.xml')}"]
    return "\n".join(lines) + "\n"


def robots_meta(policy: str) -> str:
    """Content of <meta name="robots">: the 'noai' signals when AI training is refused, else empty."""
    return NO_AI if policy == "disallow" else ""
