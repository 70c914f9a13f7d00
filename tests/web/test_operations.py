"""Loading a plan file and dumping a term, as the command line does."""

from __future__ import annotations

from pathlib import Path

import pytest

from comitia.plan.files import PlanFileError, write_plan
from comitia.web.plans import models as m
from comitia.web.plans.convert import PlanLoadError
from comitia.web.plans.operations import dump_term
from comitia.web.publication.operations import load_plan_file

from .conftest import build_plan


@pytest.mark.django_db
def test_a_loaded_plan_file_dumps_back_to_the_same_plan(tmp_path: Path) -> None:
    plan = build_plan(2)
    write_plan(plan, tmp_path / "plan.yaml")
    term = load_plan_file(tmp_path / "plan.yaml")
    assert dump_term(term.slug) == plan


@pytest.mark.django_db
def test_a_plan_file_loaded_twice_is_refused_unless_replaced(tmp_path: Path) -> None:
    write_plan(build_plan(2), tmp_path / "plan.yaml")
    load_plan_file(tmp_path / "plan.yaml")
    with pytest.raises(PlanLoadError, match="already in the database"):
        load_plan_file(tmp_path / "plan.yaml")
    load_plan_file(tmp_path / "plan.yaml", replace=True)
    assert m.Term.objects.count() == 1


@pytest.mark.django_db
def test_an_invalid_plan_file_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("comitia: 1\nlanguage: fr\n", encoding="utf-8")
    with pytest.raises(PlanFileError):
        load_plan_file(tmp_path / "plan.yaml")
    assert not m.Term.objects.exists()


@pytest.mark.django_db
def test_dumping_an_unknown_term_names_the_known_ones(tmp_path: Path) -> None:
    write_plan(build_plan(1), tmp_path / "plan.yaml")
    load_plan_file(tmp_path / "plan.yaml")
    with pytest.raises(PlanLoadError, match="csh-2019-2020"):
        dump_term("csh-1999-2000")


@pytest.mark.django_db
def test_a_published_term_replaced_from_its_file_is_a_draft_with_its_bureau_kept(
    tmp_path: Path,
) -> None:
    from django.contrib.auth.models import User

    from comitia.web.access.models import Membership, Role
    from comitia.web.publication.models import Publication

    write_plan(build_plan(2), tmp_path / "plan.yaml")
    old = load_plan_file(tmp_path / "plan.yaml", publish=True)
    chair = User.objects.create_user("chair")
    Membership.objects.create(user=chair, role=Role.BUREAU, term=old)

    new = load_plan_file(tmp_path / "plan.yaml", replace=True)

    assert Membership.objects.get(user=chair).term_id == new.pk
    assert not Publication.objects.filter(term=new).exists()
