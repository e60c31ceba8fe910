// What stands behind a form's filepicker and documentPreview: the case whose documents store takes the files,
// the section each filepicker files on (by the shared core's rule: its own, its group's, else the default), and
// the documents each preview shows as the server resolved them for this reader. Absent outside a task of a case:
// a filepicker then says files cannot be added here, and the shared schema refuses any file answer.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { DocumentPreviews } from '../../../../server/src/application/documents/preview-form-documents';
import { DEFAULT_FILE_SECTION, describeFields, type FormDefinition } from '../../../../server/src/forms-core';

export interface FormFiles {
  caseId: string;
  previews?: DocumentPreviews;
}

interface FilesContext extends FormFiles {
  /** The section a filepicker at this Formik path ("rows[2].scan") files on. */
  sectionOf(name: string): string;
}

const Context = createContext<FilesContext | undefined>(undefined);

export const useFormFiles = () => useContext(Context);

export function FormFilesProvider({ form, files, children }: { form: FormDefinition; files?: FormFiles; children: ReactNode }) {
  const value = useMemo(() => {
    if (!files) return undefined;
    const sections = new Map(describeFields(form).filter((f) => f.type === 'filepicker').map((f) => [f.path, f.section ?? DEFAULT_FILE_SECTION]));
    return { ...files, sectionOf: (name: string) => sections.get(name.replace(/\[\d+\]/g, '[]')) ?? DEFAULT_FILE_SECTION };
  }, [form, files]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
