import type { ComponentType } from 'react';
import type { FormComponent, FormOption } from '../../../../server/src/forms-core';

/** What every registered field component receives. `name` is the Formik path ("contacts[0].name"). */
export interface FieldProps {
  component: FormComponent;
  name: string;
  readOnly: boolean;
  /** Resolved options for choice components (static, valuesKey or valuesExpression). */
  options?: FormOption[];
}

export type FieldComponent = ComponentType<FieldProps>;
