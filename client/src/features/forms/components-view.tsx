// Renders a list of form-js components against the current values: hidden ones are not rendered (their
// values stay in Formik state, so toggling back restores them, and the shared schema strips them on
// submit), groups become fieldsets and dynamic lists get add/remove rows.
import { FieldArray, getIn as formikGetIn, useFormikContext } from 'formik';
import {
  buildScope, getIn, hasOptions, isGroup, isHidden, isInput, isReadonly, labelOf, renderTemplate, resolveComponent, resolveOptions,
  type FeelScope, type FormComponent,
} from '../../../../server/src/forms-core';
import { fieldFor } from './field-registry';
import { SeparatorView, SpacerView, TextView } from './fields/display-fields';
import { DocumentPreviewView } from './fields/file-fields';
import { ButtonView, HtmlView, IframeView, ImageView, TableView } from './fields/rich-display-fields';
import { rowInitialValues } from './form-values';

interface Props {
  components: FormComponent[];
  /** Formik path prefix for this level ("" at the root, "contacts[1]" in a row). */
  base: string;
  /** Values at this level, already typed for conditions (valuesForConditions). */
  local: Record<string, unknown>;
  scope: FeelScope;
  variables?: Record<string, unknown>;
  root: Record<string, unknown>;
}

const join = (base: string, name: string) => (base ? `${base}.${name}` : name);

export function ComponentsView({ components, base, local, scope, variables, root }: Props) {
  return (
    <>
      {components.map((c, i) => {
        if (isHidden(c, scope)) return null;
        const key = c.id ?? `${c.type}-${i}`;
        if (isInput(c)) {
          const Field = fieldFor(c.type);
          if (!Field) return null;
          const readOnly = isReadonly(c, scope) || c.disabled === true;
          // Templated labels and FEEL validation resolved against the answers, as the shared schema resolves them.
          return <Field key={key} component={resolveComponent(c, scope)} name={join(base, c.key)} readOnly={readOnly} options={hasOptions(c) ? resolveOptions(c, scope) ?? [] : undefined} />;
        }
        if (isGroup(c)) {
          const name = c.path ? join(base, c.path) : base;
          const inner = c.path ? ((getIn(local, c.path.split('.')) as Record<string, unknown>) ?? {}) : local;
          return (
            <fieldset key={key} className="govuk-fieldset app-form-group">
              {c.label ? <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{renderTemplate(c.label, scope, { singleLine: true })}</legend> : null}
              <ComponentsView components={c.components ?? []} base={name} local={inner} scope={scope} variables={variables} root={root} />
            </fieldset>
          );
        }
        if (c.type === 'dynamiclist') {
          const list = c.label ? { ...c, label: renderTemplate(c.label, scope, { singleLine: true }) } : c;
          return <DynamicList key={key} list={list} name={join(base, c.path ?? '')} parent={local} variables={variables} root={root} />;
        }
        if (c.type === 'html') return <HtmlView key={key} component={c} scope={scope} />;
        if (c.type === 'image') return <ImageView key={key} component={c} scope={scope} />;
        if (c.type === 'iframe') return <IframeView key={key} component={c} scope={scope} />;
        if (c.type === 'table') return <TableView key={key} component={c} scope={scope} />;
        if (c.type === 'button') return <ButtonView key={key} component={c} scope={scope} />;
        if (c.type === 'documentPreview') return <DocumentPreviewView key={key} component={c} scope={scope} />;
        if (c.type === 'text') return <TextView key={key} component={c} scope={scope} />;
        if (c.type === 'separator') return <SeparatorView key={key} />;
        if (c.type === 'spacer') return <SpacerView key={key} height={c.height} />;
        return null;
      })}
    </>
  );
}

function DynamicList({ list, name, parent, variables, root }: { list: FormComponent; name: string; parent: Record<string, unknown>; variables?: Record<string, unknown>; root: Record<string, unknown> }) {
  const { values } = useFormikContext<Record<string, unknown>>();
  const rawRows: unknown = formikGetIn(values, name);
  const rows = Array.isArray(rawRows) ? rawRows : [];
  const typedRows = getIn(parent, (list.path ?? '').split('.'));
  const label = labelOf(list);
  const canEdit = list.allowAddRemove !== false;
  return (
    <FieldArray name={name}>
      {(helpers) => (
        <section className="form-list" aria-label={label}>
          {list.label ? <h3 className="govuk-heading-s form-list-title">{list.label}</h3> : null}
          {rows.map((_row, index) => {
            const local = (Array.isArray(typedRows) && (typedRows[index] as Record<string, unknown>)) || {};
            const scope = buildScope(variables, root, { local, parent, index });
            return (
              <fieldset key={index} className="govuk-fieldset form-list-row">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{`${label} ${index + 1}`}</legend>
                <ComponentsView components={list.components ?? []} base={`${name}[${index}]`} local={local} scope={scope} variables={variables} root={root} />
                {canEdit ? (
                  <button type="button" className="govuk-button govuk-button--secondary" onClick={() => helpers.remove(index)} aria-label={`Remove ${label} ${index + 1}`}>
                    Remove
                  </button>
                ) : null}
              </fieldset>
            );
          })}
          {canEdit ? <button type="button" className="govuk-button govuk-button--secondary" onClick={() => helpers.push(rowInitialValues(list.components ?? []))}>{`Add ${label.toLowerCase()}`}</button> : null}
        </section>
      )}
    </FieldArray>
  );
}
