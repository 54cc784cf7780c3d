export { default } from '@/components/shell/section-loading';
