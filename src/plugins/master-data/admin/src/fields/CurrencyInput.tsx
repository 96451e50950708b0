import { codePickerInput } from '../components/CodePickerInput';
import { currencyOptions } from '../utils/iso-codes';

/** The `currency` custom field's input: ISO 4217, shown as `CNY — Yuan Renminbi`. */
const CurrencyInput = codePickerInput(currencyOptions, { noun: 'currency', unknownName: 'not an ISO 4217 currency code' });

export default CurrencyInput;
