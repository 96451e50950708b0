/**
 * The capabilities of the plugin, in the order they register. Each brings its own stages (placed
 * by their declared `order`, see docs/ARCHITECTURE.md) and event consumers.
 */
import type { Capability } from './governance/capability';
import { validation } from './validation/register';
import { codes } from './codes/register';
import { matching } from './matching/register';
import { merging } from './merging/register';
import { audit } from './audit/register';
import { approvals } from './approvals/register';
import { webhooks } from './webhooks/register';
import { settings } from './settings/register';
import { sync } from './sync/register';

export const CAPABILITIES: Capability[] = [settings, validation, codes, matching, merging, approvals, sync, audit, webhooks];
