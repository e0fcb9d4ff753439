/** One editable list of the club setup: its table plus the add/edit dialog. Changes stay local until "Save setup". */
import { useState } from 'react';
import { SetupTable, type Column } from './SetupTable';
import { ItemDialog, type FieldSpec } from './ItemDialog';
import { idFromName } from './setup-specs';

interface Props<T extends { id: string; name: string }> {
  title: string;
  itemName: string;
  testId: string;
  items: T[];
  columns: Column<T>[];
  fields: FieldSpec<T>[];
  blank: T;
  canEdit: boolean;
  errorIndex: number | null;
  onChange(items: T[]): void;
}

export function SetupList<T extends { id: string; name: string }>(props: Props<T>) {
  const { title, itemName, testId, items, columns, fields, blank, canEdit, errorIndex, onChange } = props;
  const [editing, setEditing] = useState<{ index: number | null; item: T } | null>(null);
  const save = (item: T) => {
    if (!editing) return;
    const taken = items.filter((_, i) => i !== editing.index).map((x) => x.id);
    const withId = item.id.trim() ? item : { ...item, id: idFromName(item.name, taken, itemName.toLowerCase()) };
    onChange(editing.index === null ? [...items, withId] : items.map((x, i) => (i === editing.index ? withId : x)));
    setEditing(null);
  };
  return (
    <>
      <SetupTable title={title} testId={testId} items={items} columns={columns} canEdit={canEdit} errorIndex={errorIndex}
        onAdd={() => setEditing({ index: null, item: blank })}
        onEdit={(index) => setEditing({ index, item: items[index]! })}
        onDelete={(index) => onChange(items.filter((_, i) => i !== index))} />
      <ItemDialog open={editing !== null} adding={editing?.index === null} item={editing?.item ?? null} fields={fields}
        title={editing?.index === null ? `Add ${itemName.toLowerCase()}` : `Edit ${itemName.toLowerCase()} "${editing?.item.name ?? ''}"`}
        testId={`${testId}-dialog`} onSave={save} onClose={() => setEditing(null)} />
    </>
  );
}
