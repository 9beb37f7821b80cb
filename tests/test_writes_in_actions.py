"""Every write goes through an action: no view, form or template tag module writes to
the database. Read by parsing the source, so a view that is rarely reached is checked
too. The one write a view makes itself is the audit entry for what it shows
(`record_read`, `record_list`)."""

from __future__ import annotations

import ast
from pathlib import Path

import borgerpost

PACKAGE = Path(borgerpost.__file__).parent
# Methods that write when called on a model, a queryset or a manager.
WRITING_METHODS = {
    "save",
    "delete",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "save_m2m",
}
WRITING_FUNCTIONS = {"record", "record_many", "atomic"}


def modules() -> list[Path]:
    found = list(PACKAGE.rglob("views.py")) + list(PACKAGE.rglob("forms.py"))
    found += [p for p in PACKAGE.rglob("templatetags/*.py") if p.name != "__init__.py"]
    return sorted(found)


def _is_form_save_without_commit(call: ast.Call) -> bool:
    return any(
        k.arg == "commit" and isinstance(k.value, ast.Constant) and k.value.value is False
        for k in call.keywords
    )


def _on_queryset(node: ast.AST) -> bool:
    """`X.objects....update(...)` or `....filter(...).update(...)`: a queryset's update."""
    while isinstance(node, ast.Call | ast.Attribute):
        if isinstance(node, ast.Attribute) and node.attr in {"objects", "filter", "exclude"}:
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def writes_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in WRITING_METHODS and isinstance(func, ast.Attribute):
            if name == "save" and _is_form_save_without_commit(node):
                continue
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} .{name}()")
        elif name == "update" and isinstance(func, ast.Attribute) and _on_queryset(func.value):
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} queryset .update()")
        elif name in WRITING_FUNCTIONS:
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {name}()")
    return found


def test_no_view_form_or_template_tag_writes():
    assert len(modules()) >= 10
    found = [w for path in modules() for w in writes_in(path)]
    assert found == [], "\n".join(found)


def test_the_check_finds_writes(tmp_path):
    sample = tmp_path / "views.py"
    sample.write_text(
        "def v(request, form, Letter):\n"
        "    form.save()\n"
        "    form.save(commit=False)\n"
        "    Letter.objects.filter(pk=1).update(title='x')\n"
        "    {}.update(a=1)\n"
        "    record(None, 'x', None)\n"
        "    with transaction.atomic():\n"
        "        pass\n",
        encoding="utf-8",
    )
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path
    try:
        found = writes_in(sample)
    finally:
        PACKAGE = saved
    assert [f.split(" ", 1)[1] for f in found] == [
        ".save()",
        "queryset .update()",
        "record()",
        "atomic()",
    ]
