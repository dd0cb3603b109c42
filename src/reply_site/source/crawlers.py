"""The author's say over AI crawlers: the crawlers listed in crawlers.yml, and the setting
`extra.crawlers.ai_training` of mkdocs.yml (`disallow`, the default, or `allow`)."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..errors import Problem, SourceError
from .text_file import read_text

AI_TRAINING_CHOICES = ("disallow", "allow")
FIELDS = ("user_agent", "operator", "comment")


@dataclass(frozen=True)
class Agent:
    user_agent: str
    operator: str
    comment: str


def parse_agents(text: str, path: str = "crawlers.yml") -> list[Agent]:
    """The crawlers listed in the file; SourceError naming the file and line when it is not as documented."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError([Problem(path, mark.line + 1 if mark else 1, f"not valid YAML: {error}")]) from None
    entries = next((value for key, value in root.value if key.value == "agents"), None) \
        if isinstance(root, yaml.MappingNode) else None
    if not isinstance(entries, yaml.SequenceNode):
        raise SourceError([Problem(path, 1, "expected a list 'agents:' of crawlers")])
    agents, problems, first_line = [], [], {}
    for number, node in enumerate(entries.value, start=1):
        line = node.start_mark.line + 1
        fields = {key.value: " ".join(str(value.value).split()) for key, value in node.value} \
            if isinstance(node, yaml.MappingNode) else {}
        if set(fields) != set(FIELDS) or not all(fields.values()):
            problems.append(Problem(path, line, f"agent {number} needs exactly user_agent, operator and comment"))
            continue
        if any(character in fields["user_agent"] for character in " \t\n#:"):
            problems.append(Problem(path, line, f"'{fields['user_agent']}' is not a user-agent token"))
            continue
        name = fields["user_agent"].lower()
        if name in first_line:
            problems.append(Problem(path, line, f"{fields['user_agent']} is listed twice (first on line "
                                    f"{first_line[name]})"))
        first_line.setdefault(name, line)
        agents.append(Agent(*(fields[name] for name in FIELDS)))
    if problems:
        raise SourceError(problems)
    return agents


def load_agents(path, display: str = "crawlers.yml") -> list[Agent]:
    return parse_agents(read_text(path, display), display)


def ai_training_setting(extra: dict | None, config_path: str = "mkdocs.yml") -> str:
    """`extra.crawlers.ai_training` of the config: "disallow" (the default) or "allow"."""
    setting = (extra or {}).get("crawlers") or {}
    choice = setting.get("ai_training", "disallow") if isinstance(setting, dict) else setting
    if not isinstance(setting, dict) or choice not in AI_TRAINING_CHOICES:
        raise SourceError([Problem(config_path, 1, f"extra.crawlers.ai_training must be one of "
                                   f"{', '.join(AI_TRAINING_CHOICES)}, not {choice!r}")])
    return choice
