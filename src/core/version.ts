import { version } from '../../package.json';

export const DOCTOR_VERSION: string = version;
