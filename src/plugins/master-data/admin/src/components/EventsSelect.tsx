import { eventOptions, redundantEvents } from '../utils/webhooks';
import { MultiSelectField } from './MultiSelectField';

interface Props {
  value: string[];
  /** Every subscribable event type, from the server. */
  events: string[];
  error?: string;
  onChange(value: string[]): void;
}

/** The event types an endpoint subscribes to, wildcards (`customer.*`, `*`) included. */
export const EventsSelect = ({ value, events, error, onChange }: Props) => {
  const redundant = redundantEvents(value);
  return (
    <MultiSelectField
      name="events"
      label="Events"
      required
      placeholder="Choose events"
      clearLabel="Clear the events"
      hint={redundant.length ? `Covered by a wildcard you chose already: ${redundant.join(', ')}` : 'customer.* also covers event types added later; * is every event.'}
      error={error}
      value={value}
      options={eventOptions(events, value)}
      onChange={onChange}
    />
  );
};
