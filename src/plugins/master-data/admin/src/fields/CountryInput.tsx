import { codePickerInput } from '../components/CodePickerInput';
import { countryOptions } from '../utils/iso-codes';

/** The `country` custom field's input: ISO 3166-1 alpha-2, shown as `CN — China`. */
const CountryInput = codePickerInput(countryOptions, { noun: 'country', unknownName: 'not an ISO 3166-1 country code' });

export default CountryInput;
