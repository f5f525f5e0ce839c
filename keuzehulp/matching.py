"""The keuzehulp's choice logic: a plain function over interventions and chosen tags, with no web in it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    intervention: object
    matched: tuple  # the chosen tags the intervention has
    unmatched: tuple  # the chosen tags it lacks

    @property
    def is_exact(self):
        return not self.unmatched


def match_interventions(interventions, chosen_tags):
    """Rank interventions against the chosen tags (at most one per criterion).

    Each intervention has `tag_list`, its tags (see interventions.catalog); tags are compared by pk.

    First the exact matches, which have every chosen tag; then the nearest alternatives, most chosen tags
    first, so that a choice without an exact match still leads somewhere. An intervention that has none of
    the chosen tags is not an alternative. Within a group the given order of `interventions` is kept.
    """
    chosen = list(chosen_tags)
    results = []
    for intervention in interventions:
        own = {tag.pk for tag in intervention.tag_list}
        matched = tuple(tag for tag in chosen if tag.pk in own)
        unmatched = tuple(tag for tag in chosen if tag.pk not in own)
        if matched or not unmatched:
            results.append(Match(intervention, matched, unmatched))
    # sorted() is stable, so equal ranks keep the editors' order of interventions.
    return sorted(results, key=lambda result: (not result.is_exact, -len(result.matched)))
