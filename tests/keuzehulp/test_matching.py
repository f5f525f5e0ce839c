"""The keuzehulp's choice logic, a plain function: checked against the source's tables without a database."""

import itertools
from dataclasses import dataclass, field

import pytest

from interventions.catalog import catalog
from keuzehulp.matching import match_interventions
from tests.conftest import INTERVENTION_SLUGS, SOURCE_TABLE

ANSWERS = {criterion: [None, *values] for criterion, values in SOURCE_TABLE.items()}
COMBINATIONS = list(itertools.product(*ANSWERS.values()))


@dataclass(frozen=True)
class PlainCriterion:
    slug: str


@dataclass(frozen=True)
class PlainTag:
    criterion: PlainCriterion
    slug: str

    @property
    def pk(self):
        return (self.criterion.slug, self.slug)


@dataclass
class PlainIntervention:
    slug: str
    tag_list: list = field(default_factory=list)


# The source's tables as plain objects, in the shape interventions.catalog gives the matching function.
TAGS = {
    (criterion, value): PlainTag(PlainCriterion(criterion), value)
    for criterion, values in SOURCE_TABLE.items()
    for value in values
}
INTERVENTIONS = [
    PlainIntervention(slug, [tag for (criterion, value), tag in TAGS.items() if slug in SOURCE_TABLE[criterion][value]])
    for slug in INTERVENTION_SLUGS
]


def expected_exact(choice):
    """Straight from the source's tables: the interventions listed under every chosen answer."""
    exact = set(INTERVENTION_SLUGS)
    for criterion, value in zip(SOURCE_TABLE, choice, strict=True):
        if value:
            exact &= SOURCE_TABLE[criterion][value]
    return exact


def chosen_tags(choice, tags):
    return [tags[criterion, value] for criterion, value in zip(SOURCE_TABLE, choice, strict=True) if value]


def run(choice):
    return match_interventions(INTERVENTIONS, chosen_tags(choice, TAGS))


def run_on_database(choice):
    criteria, interventions = catalog()
    tags = {(tag.criterion.slug, tag.slug): tag for criterion in criteria for tag in criterion.tag_list}
    return match_interventions(interventions, chosen_tags(choice, tags))


@pytest.mark.parametrize("choice", COMBINATIONS, ids=lambda c: "-".join(v or "geen" for v in c))
def test_exact_matches_follow_the_source_table_for_every_combination(choice):
    results = run(choice)
    exact = [result.intervention.slug for result in results if result.is_exact]
    assert set(exact) == expected_exact(choice)
    # Exact matches come first, in the editors' order.
    assert exact == [slug for slug in INTERVENTION_SLUGS if slug in expected_exact(choice)]
    assert all(result.is_exact for result in results[: len(exact)])


@pytest.mark.parametrize("choice", COMBINATIONS, ids=lambda c: "-".join(v or "geen" for v in c))
def test_alternatives_name_exactly_the_criteria_they_miss(choice):
    for result in run(choice):
        for tag in result.unmatched:
            assert result.intervention.slug not in SOURCE_TABLE[tag.criterion.slug][tag.slug]
        for tag in result.matched:
            assert result.intervention.slug in SOURCE_TABLE[tag.criterion.slug][tag.slug]
        assert len(result.matched) + len(result.unmatched) == sum(1 for value in choice if value)


def test_catalog_from_the_database_matches_as_the_plain_objects_do(source_table_interventions):
    for choice in COMBINATIONS:
        from_database = [(r.intervention.slug, r.is_exact, len(r.matched)) for r in run_on_database(choice)]
        plain = [(r.intervention.slug, r.is_exact, len(r.matched)) for r in run(choice)]
        assert from_database == plain, choice


def test_no_answer_gives_all_five_as_exact_matches():
    results = run((None, None, None))
    assert [result.intervention.slug for result in results] == INTERVENTION_SLUGS
    assert all(result.is_exact and not result.matched for result in results)


def test_choice_without_exact_match_ranks_alternatives_by_criteria_met():
    results = run(("ouders-gezin", "veerkracht", "individueel"))
    assert not any(result.is_exact for result in results)
    ranked = [(result.intervention.slug, len(result.matched)) for result in results]
    # Mind-Spring meets leeftijd and doel, 7ROSES doel and vorm; then the ones meeting only one.
    assert ranked == [("mind-spring", 2), ("7roses", 2), ("bamboo", 1), ("mindfit", 1), ("pm-plus", 1)]
    pm_plus = results[-1]
    assert [tag.slug for tag in pm_plus.unmatched] == ["ouders-gezin", "veerkracht"]


def test_intervention_meeting_no_chosen_criterion_is_not_an_alternative():
    results = run(("kinderen", None, "individueel"))
    assert [result.intervention.slug for result in results] == ["bamboo", "mind-spring", "7roses", "pm-plus"]
    assert "mindfit" not in {result.intervention.slug for result in results}


def test_matching_works_on_plain_objects_without_a_database():
    class Thing:
        def __init__(self, name, *tags):
            self.name, self.tag_list = name, list(tags)

    class FakeTag:
        def __init__(self, pk):
            self.pk = pk

    group, individual = FakeTag(1), FakeTag(2)
    results = match_interventions([Thing("a", group), Thing("b", individual), Thing("c")], [individual])
    assert [(r.intervention.name, r.is_exact) for r in results] == [("b", True)]
