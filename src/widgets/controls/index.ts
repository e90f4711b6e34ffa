// src/widgets/controls/index.ts: labelled form controls shared by the widgets.
import "./controls.css";

export { NumberField, type NumberFieldProps } from "./NumberField";
export { SelectField, type SelectFieldProps, type SelectOption } from "./SelectField";
export { ToggleField, type ToggleFieldProps } from "./ToggleField";
