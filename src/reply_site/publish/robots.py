"""robots.txt and the robots meta tag, from the crawler setting and the crawlers listed in crawlers.yml."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..addresses import absolute
from ..source.crawlers import Agent

NO_AI = "noai, noimageai"


def robots_txt(ai_training: str, agents: list[Agent], site_url: str) -> str:
    """Everyone may fetch the site, except the listed AI crawlers when AI training is refused."""
    root = urlsplit(site_url).path or "/"
    root = root if root.endswith("/") else root + "/"
    lines = ["# Who may fetch this site. A request, not a lock: crawlers may ignore it.", ""]
    if ai_training == "disallow":
        lines += ["# The author refuses the use of this site to train AI models:",
                  "# these crawlers are asked to fetch nothing (list: crawlers.yml).", ""]
        for agent in agents:
            lines += [f"# {agent.operator}: {agent.comment}", f"User-agent: {agent.user_agent}",
                      f"Disallow: {root}", ""]
    lines += ["# Everyone else, search engines included, may fetch every page.", "User-agent: *",
              f"Allow: {root}", "", f"Sitemap: {absolute(site_url, 'sitemap.xml')}"]
    return "\n".join(lines) + "\n"


def robots_meta(ai_training: str) -> str:
    """Content of <meta name="robots">: the 'noai' signals when AI training is refused, else empty."""
    return NO_AI if ai_training == "disallow" else ""
