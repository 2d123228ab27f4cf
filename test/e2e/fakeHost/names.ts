// Defined names scoped to a worksheet (Worksheet.names, a NamedItemCollection). Per Microsoft's Excel
// JavaScript API reference: Worksheet.names, add() and getItemOrNullObject() are ExcelApi 1.4; add's
// reference is a formula or a range ("=\"text\"", "=4.75", "=Sheet1!$A$1"); NamedItem.value is the value
// computed by the name's formula (the text of a text constant, the address of a named range), type is
// String / Integer / Double / Boolean / Range; `visible` (1.1) and `comment` (1.4) are read-write,
// `formula` (1.7) starts with "=". A name starts with a letter, an underscore or a backslash, holds no
// spaces, is not a cell reference, and is unique in its scope without regard to case.
import { ClientObject, defineProps, wrap, type PropSpec, type RequestContext } from './context';
import { hostError } from './errors';
import type { NameModel, SheetModel } from './model';

function computed(formula: string): { value: unknown; type: string } {
  const body = formula.replace(/^=/, '');
  const text = /^"((?:[^"]|"")*)"$/.exec(body);
  if (text) return { value: text[1].replace(/""/g, '"'), type: 'String' };
  if (/^-?\d+$/.test(body)) return { value: Number(body), type: 'Integer' };
  if (/^-?\d*\.\d+$/.test(body)) return { value: Number(body), type: 'Double' };
  if (/^(TRUE|FALSE)$/i.test(body)) return { value: body.toUpperCase() === 'TRUE', type: 'Boolean' };
  return { value: body, type: 'Range' };
}

const NAME_SPEC: Record<string, PropSpec<NameModel>> = {
  name: { get: (n) => n.name },
  value: { get: (n) => computed(n.formula).value },
  type: { get: (n) => computed(n.formula).type },
  visible: { get: (n) => n.visible, set: (n, v) => (n.visible = Boolean(v)) },
  comment: { get: (n) => n.comment, set: (n, v) => (n.comment = String(v)), apiSet: ['ExcelApi', '1.4'] },
  formula: { get: (n) => n.formula, set: (n, v) => (n.formula = String(v)), apiSet: ['ExcelApi', '1.7'] },
  scope: { get: () => 'Worksheet', apiSet: ['ExcelApi', '1.4'] },
};

export class NamedItemProxy extends ClientObject {
  override _className = 'NamedItem';
  override _spec(): Record<string, PropSpec<never>> {
    return NAME_SPEC as Record<string, PropSpec<never>>;
  }
  delete(): void {
    this._queueCall('NamedItem.delete', () => {
      const n = this._targetOrThrow() as NameModel;
      n.owner.names.delete(n.name.toLowerCase());
    }, 0, ['ExcelApi', '1.4']);
  }
}
defineProps(NamedItemProxy, Object.keys(NAME_SPEC));

function validName(name: string, sheet: SheetModel): void {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
    throw hostError('InvalidArgument', `The name "${name}" is not valid.`);
  }
  if (sheet.names.has(name.toLowerCase())) throw hostError('ItemAlreadyExists', `A name "${name}" already exists in this scope.`);
}

export class NamedItemCollection extends ClientObject {
  override _className = 'NamedItemCollection';
  private item(): NamedItemProxy {
    return wrap(new NamedItemProxy(this.context), 'NamedItem');
  }
  add(name: string, reference: unknown, comment = ''): NamedItemProxy {
    if (typeof reference !== 'string') throw hostError('NotImplemented', 'fakeExcel: names.add with a Range reference is not modelled');
    return this._queueCreate(this.item(), 'NamedItemCollection.add', () => {
      const sheet = this._targetOrThrow() as SheetModel;
      validName(name, sheet);
      const model: NameModel = { name, formula: reference.startsWith('=') ? reference : `=${reference}`, comment: String(comment), visible: true, owner: sheet };
      sheet.names.set(name.toLowerCase(), model);
      return model;
    }, ['ExcelApi', '1.4']);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return this._queueCreate(this.item(), 'NamedItemCollection.getItemOrNullObject', () => {
      const sheet = this._targetOrThrow() as SheetModel;
      return sheet.names.get(String(name).toLowerCase()) ?? null;
    }, ['ExcelApi', '1.4']);
  }
  getItem(name: string): NamedItemProxy {
    return this._queueCreate(this.item(), 'NamedItemCollection.getItem', () => {
      const found = (this._targetOrThrow() as SheetModel).names.get(String(name).toLowerCase());
      if (!found) throw hostError('ItemNotFound', `No name "${name}".`);
      return found;
    });
  }
}

export function newNamedItemCollection(ctx: RequestContext): NamedItemCollection {
  return wrap(new NamedItemCollection(ctx), 'NamedItemCollection');
}
