"""Red lines: rule schema and evaluation, the alert lifecycle, the playbook."""
